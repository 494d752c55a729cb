package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.LoginOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one driving port: everything an embedding product does with LivePerson login sessions. Built by
 * {@link LoginCore#create}.
 *
 * <p>The implementation keeps every session it knows valid: it refreshes in the background before sessions go stale,
 * logs in again (with credentials held in memory only) when the service drops one, shares one login among any number
 * of concurrent callers and — through a shared {@code TokenStore} — among processes, and follows LivePerson's retry
 * policy (spec §3.4).
 *
 * <p><b>Thread-safety:</b> every method is safe to call from any number of threads. {@link #bearer} on a fresh
 * session is a lock-free read. <b>Nulls:</b> no argument may be null; no method returns null. <b>Errors:</b>
 * {@link SessionUnavailableException} when no valid session can be had (with the reason), and
 * {@link InfrastructureException} for failures of the ports that are not about a particular session's state (e.g.
 * the store is unreadable). Neither ever contains a secret.
 */
public interface LoginUseCase extends AutoCloseable {

    /**
     * Logs in now — replacing any session held for the same key — and holds {@code credentials} in memory for later
     * re-logins. Finds the login host through the domain lookup first.
     *
     * @return {@code LoggedIn} with the new session, or why not ({@code CredentialsRejected}, {@code Blocked},
     *         {@code RateLimited}); outages are thrown as {@link InfrastructureException}
     */
    LoginOutcome login(AccountId account, Credentials credentials);

    /**
     * Holds {@code credentials} for the key {@code (account, credentials.username())} without logging in: a later
     * {@link #bearer} reuses a live stored session if there is one and logs in only if it must.
     */
    void useCredentials(AccountId account, Credentials credentials);

    /**
     * A bearer that is valid now: from memory if fresh (one volatile read: no lock, no allocation, no clock read),
     * from the store if another process saved one, refreshed in the background if stale, or from one new login if
     * expired and credentials are held. A bearer is never handed out past its hard deadline (idle timeout or
     * maximum lifetime) unless the core's scheduler thread is more than one refresh interval late; see
     * {@code docs/lifecycle.md}.
     *
     * @throws SessionUnavailableException if none can be had (not logged in, rejected, blocked, backing off)
     */
    Secret bearer(SessionKey key);

    /**
     * Refreshes the session of {@code key} now, logging in again if the service says it is gone.
     *
     * @return the confirmed session's description
     * @throws SessionUnavailableException if no session can be had
     */
    SessionInfo refresh(SessionKey key);

    /**
     * Tells the core that another LivePerson API just refused {@code rejectedBearer} (401): if it is still the
     * current bearer of {@code key}, the session is treated as expired and the next {@link #bearer} logs in again. A
     * bearer that was already replaced is ignored, so many callers reporting the same 401 cause one re-login.
     */
    void invalidate(SessionKey key, Secret rejectedBearer);

    /**
     * Logs out the session of {@code key} (spec §3.3), forgets its credentials and deletes it from the store.
     *
     * @return whether there was a session to log out (logging out twice is not an error)
     */
    boolean logout(SessionKey key);

    /**
     * The host of a LivePerson {@code service} of {@code account} — messaging ({@code asyncMessagingEnt}), the agent
     * workspace ({@code liveEngageUI}), the Login Service itself ({@link ServiceName#LOGIN}), … (spec §2). Answered
     * from the domain lookup's cache, which every login seeds with the account's services (spec §3.1), so after a
     * login this usually costs no request.
     *
     * @throws DomainNotFoundException if the account has no such service
     * @throws InfrastructureException if the Domain API cannot be reached and nothing usable is cached
     */
    ServiceHost serviceHost(AccountId account, ServiceName service);

    /**
     * Every service of {@code account} with its host (spec §2), as {@link #serviceHost} finds them.
     *
     * @return never empty; an account without any service is {@link DomainNotFoundException}
     * @throws InfrastructureException if the Domain API cannot be reached and nothing usable is cached
     */
    Map<ServiceName, ServiceHost> serviceHosts(AccountId account);

    /** Logs out every session this core knows (held or stored); returns how many. */
    int logoutAll();

    /** Every session this core knows, held or stored, without secrets. */
    List<SessionInfo> sessions();

    /** The session of {@code key}, without secrets, if one is held or stored. */
    Optional<SessionInfo> session(SessionKey key);

    /**
     * Logs out every session this core opened or holds, within the configured close timeout, then stops all
     * background work. Idempotent; later calls to other methods fail with {@link IllegalStateException}.
     */
    @Override
    void close();
}
