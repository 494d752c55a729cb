package dev.lplogin.domain.port;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;

/**
 * The Login Service (spec §3): log in, refresh, log out. One call each; whether and how a single call is retried
 * (5xx, connection failures, 429) is the implementation's business and follows spec §3.4. Lifecycle decisions —
 * when to refresh, when to log in again — are the core's, not the gateway's.
 *
 * <p><b>Thread-safety:</b> implementations are safe for concurrent use and keep no per-session state: cookies live in
 * the {@link Session}. <b>Nulls:</b> no argument may be null and no method returns null. <b>Errors:</b> expected
 * answers are outcome values; everything else is an {@link InfrastructureException} —
 * {@link ServiceUnavailableException} (5xx, network, timeout after retries), {@link ProtocolViolationException}
 * (an answer that cannot be used), {@link RequestRejectedException} (400 and other unexpected 4xx). No secret appears
 * in any message.
 */
public interface AuthGateway {

    /**
     * Logs in to {@code account} at {@code loginHost}. The session's key is the account and
     * {@code credentials.username()}; its version is 0.
     */
    LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials);

    /** Asks the session's login host to keep {@code session} alive, with its cookies and csrf (spec §3.2). */
    RefreshOutcome refresh(Session session);

    /** Ends {@code session} at its login host (spec §3.3). A session the service no longer knows is not an error. */
    LogoutOutcome logout(Session session);
}
