package dev.lplogin.domain.port;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.model.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps sessions (never credentials) so that they outlive a process and can be shared between processes.
 *
 * <p>Why compare-and-set and leases: LivePerson allows one live session per user, so replicas of a bot that each log
 * in keep kicking each other out (design.md, "Adapters"). A store shared by many processes therefore (1) saves only
 * when the caller saw the latest version, and (2) grants a short lease on a key so that exactly one process logs in
 * or refreshes it while the others wait and then reuse what it saved.
 *
 * <p><b>Versions:</b> a key that was never saved (or was deleted) has version 0. {@link #save} succeeds only when the
 * stored version equals {@code expectedVersion}; the stored session then has version {@code expectedVersion + 1}.
 *
 * <p><b>Thread-safety:</b> implementations are safe for concurrent use by threads, and — for stores meant to be
 * shared — by processes. <b>Nulls:</b> no argument may be null and no method returns null. <b>Errors:</b> failures
 * are {@link StoreException}s; an unreadable record of one key must not make other keys unusable. Every
 * implementation must pass {@code dev.lplogin.testkit.TokenStoreContract}.
 */
public interface TokenStore {

    /** The stored session of {@code key}, with its version, if there is one. */
    Optional<Session> load(SessionKey key);

    /**
     * Stores {@code session} under {@code session.key()} if the stored version is {@code expectedVersion}.
     *
     * @return {@link SaveResult.Saved} with the session at its new version, or {@link SaveResult.Conflict} with what
     *         is stored now (nothing changed)
     */
    SaveResult save(Session session, long expectedVersion);

    /**
     * Deletes the session of {@code key} if its stored version is {@code expectedVersion}.
     *
     * @return whether a session was deleted; {@code false} when none was stored or its version differed
     */
    boolean delete(SessionKey key, long expectedVersion);

    /** Every stored session, in no particular order. Records that cannot be read are skipped (and reported). */
    List<Session> list();

    /**
     * Tries to take the exclusive lease on {@code key} for {@code ttl}, without waiting. While a lease is held and
     * unexpired, no other caller (thread or process) gets one for that key. Holding a lease does not block
     * {@link #load} or {@link #save}; it is a convention between the processes that log in or refresh.
     *
     * @return the lease, or empty if someone else holds an unexpired one
     */
    Optional<Lease> tryLease(SessionKey key, Duration ttl);

    /** Gives {@code lease} up early. Releasing an expired lease, or one taken over by another holder, does nothing. */
    void release(Lease lease);
}
