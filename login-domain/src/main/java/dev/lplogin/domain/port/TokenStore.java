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
 * in keep kicking each other out. A store shared by many processes therefore (1) saves only when the caller saw the
 * latest version, (2) grants a short lease on a key so that exactly one process logs in or refreshes it while the
 * others wait and then reuse what it saved, and (3) fences saves by that lease, so that a holder whose lease was
 * given to someone else in the meantime (it was paused, or cut off from the store, for longer than the lease) can
 * neither overwrite the newer session nor be handed it as its own.
 *
 * <p><b>Versions:</b> a key that was never saved (or was deleted) has version 0. A save succeeds only when the stored
 * version equals {@code expectedVersion}; the stored session then has version {@code expectedVersion + 1}.
 *
 * <p><b>Leases:</b> at most one unexpired lease per key. Expiry is judged by the store's injected clock (a
 * {@code java.time.InstantSource}), never by a hidden {@code now()}, so that every store passes the same contract.
 * The holder {@linkplain #renew renews} its lease while it works, so a login of any length keeps the others out; a
 * holder that dies stops renewing and its lease lapses at its expiry. A store that can see its holders die (the file
 * store: an OS lock the kernel drops with the process) should also grant the lease again at once in that case.
 * Each grant carries a {@linkplain Lease#fence fence} larger than every earlier grant's for that key.
 *
 * <p>The lease is an efficiency lock — LivePerson itself cannot check fencing tokens, so two holders may at worst
 * both log in. Correctness of what is stored comes from the fenced compare-and-set.
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
     * Stores {@code session} under {@code session.key()} if the stored version is {@code expectedVersion}. Use this
     * when holding no lease (e.g. the store could not grant one); work done under a lease saves with
     * {@link #save(Session, long, Lease)}.
     *
     * @return {@link SaveResult.Saved} with the session at its new version, or {@link SaveResult.Conflict} with what
     *         is stored now (nothing changed)
     */
    SaveResult save(Session session, long expectedVersion);

    /**
     * Fenced compare-and-set: like {@link #save(Session, long)}, but first refused when a lease with a higher
     * {@linkplain Lease#fence fence} than {@code lease}'s has been granted on the key — its holder has taken over,
     * and what it saves (or is about to) wins. A lease that expired but that nobody took over still saves: no one
     * else can have worked under a newer one. Check and write are one atomic step.
     *
     * @return {@link SaveResult.Fenced} with what is stored now when superseded (nothing changed); otherwise as
     *         {@link #save(Session, long)}
     * @throws IllegalArgumentException if {@code lease} is not a lease on {@code session.key()}
     */
    SaveResult save(Session session, long expectedVersion, Lease lease);

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
     * @return the lease, with a fence larger than any earlier grant's on {@code key}, or empty if someone else holds
     *         an unexpired one
     * @throws IllegalArgumentException if {@code ttl} is not positive
     */
    Optional<Lease> tryLease(SessionKey key, Duration ttl);

    /**
     * Extends {@code lease} to expire {@code ttl} from now, if it is still the key's current lease: unexpired, not
     * released and not taken over. The renewed lease keeps its token and fence.
     *
     * @return the renewed lease, or empty if {@code lease} is no longer held (the caller must treat its work as
     *         unguarded: another process may take over, and a fenced save may be refused)
     * @throws IllegalArgumentException if {@code ttl} is not positive
     */
    Optional<Lease> renew(Lease lease, Duration ttl);

    /** Gives {@code lease} up early. Releasing an expired lease, or one taken over by another holder, does nothing. */
    void release(Lease lease);
}
