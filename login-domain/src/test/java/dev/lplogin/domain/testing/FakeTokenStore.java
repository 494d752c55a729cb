package dev.lplogin.domain.testing;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import java.time.InstantSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal in-memory {@link TokenStore} with compare-and-set and fenced, renewable leases on the test clock, shareable by several
 * cores like a store shared by processes. {@link #broken} makes every call fail. (The real adapters live in
 * login-adapters-storage; the domain's tests must not depend on them.) It passes {@code TokenStoreContract}: the
 * testkit runs the contract against it from the domain's test jar ({@code FakeTokenStoreContractTest}), so the
 * lifecycle tests rest on a store that behaves like the real ones. Public, in a package of its own, only so that
 * the testkit's tests can reach it across the module boundary.
 */
public final class FakeTokenStore implements TokenStore {

    public final AtomicInteger saves = new AtomicInteger();
    public final AtomicInteger leases = new AtomicInteger();
    public volatile boolean broken;
    /** Runs in the next {@link #release}, before the lease is let go: lets a test act while a flight still holds it. */
    public volatile Runnable beforeNextRelease;
    /** Runs in the next save, before it: lets another process save first (a race the save must settle). */
    public volatile Runnable beforeNextSave;
    /**
     * Makes a stored record unreadable, as with a wrong store key: reads, saves and deletes of a key that has one fail
     * with a non-retryable {@link StoreException}; {@link #list} skips it.
     */
    public volatile boolean sealed;

    private final InstantSource clock;
    private final Map<SessionKey, Session> sessions = new HashMap<>();
    private final Map<SessionKey, Lease> held = new HashMap<>();
    private final Map<SessionKey, Long> fences = new HashMap<>();

    public FakeTokenStore(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Session> load(SessionKey key) {
        Objects.requireNonNull(key, "key");
        check();
        checkOpenable(key);
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        Objects.requireNonNull(session, "session");
        runBeforeSave();
        return saveNow(session, expectedVersion);
    }

    private synchronized SaveResult saveNow(Session session, long expectedVersion) {
        check();
        checkOpenable(session.key());
        saves.incrementAndGet();
        Session stored = sessions.get(session.key());
        long version = stored == null ? 0 : stored.version();
        if (version != expectedVersion) {
            return new SaveResult.Conflict(Optional.ofNullable(stored));
        }
        Session saved = session.withVersion(version + 1);
        sessions.put(session.key(), saved);
        return new SaveResult.Saved(saved);
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lease, "lease");
        if (!lease.key().equals(session.key())) {
            throw new IllegalArgumentException("the lease is for " + lease.key() + ", the session for " + session.key());
        }
        runBeforeSave();
        return saveNow(session, expectedVersion, lease);
    }

    private synchronized SaveResult saveNow(Session session, long expectedVersion, Lease lease) {
        check();
        checkOpenable(session.key());
        if (fences.getOrDefault(session.key(), 0L) > lease.fence()) {
            saves.incrementAndGet();
            return new SaveResult.Fenced(Optional.ofNullable(sessions.get(session.key())));
        }
        return saveNow(session, expectedVersion);
    }

    private void runBeforeSave() {
        Runnable hook = beforeNextSave;
        beforeNextSave = null;
        if (hook != null) {
            hook.run(); // outside the lock, like another process
        }
    }

    @Override
    public synchronized boolean delete(SessionKey key, long expectedVersion) {
        Objects.requireNonNull(key, "key");
        check();
        checkOpenable(key);
        Session stored = sessions.get(key);
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        sessions.remove(key);
        return true;
    }

    @Override
    public synchronized List<Session> list() {
        check();
        return sealed ? List.of() : List.copyOf(sessions.values());
    }

    @Override
    public synchronized Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        positive(ttl);
        check();
        Lease current = held.get(key);
        if (current != null && clock.instant().isBefore(current.expiresAt())) {
            return Optional.empty();
        }
        leases.incrementAndGet();
        long fence = fences.merge(key, 1L, Long::sum);
        Lease lease = new Lease(key, "lease-" + leases.get(), fence, clock.instant().plus(ttl));
        held.put(key, lease);
        return Optional.of(lease);
    }

    @Override
    public synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        positive(ttl);
        check();
        Lease current = held.get(lease.key());
        if (current == null || !current.token().equals(lease.token())
                || !clock.instant().isBefore(current.expiresAt())) {
            return Optional.empty();
        }
        Lease renewed = lease.withExpiry(clock.instant().plus(ttl));
        held.put(lease.key(), renewed);
        return Optional.of(renewed);
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        Runnable hook = beforeNextRelease;
        beforeNextRelease = null;
        if (hook != null) {
            hook.run(); // outside the lock: the hook may drive the scheduler, whose tasks use the store
        }
        releaseNow(lease);
    }

    private synchronized void releaseNow(Lease lease) {
        check();
        Lease current = held.get(lease.key());
        if (current != null && current.token().equals(lease.token())) {
            held.remove(lease.key());
        }
    }

    /** Puts {@code session} in as another process would have saved it. */
    public synchronized Session put(Session session) {
        Session stored = sessions.get(session.key());
        Session saved = session.withVersion(stored == null ? 1 : stored.version() + 1);
        sessions.put(session.key(), saved);
        return saved;
    }

    public synchronized Optional<Session> peek(SessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    private static void positive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease ttl must be positive, got " + ttl);
        }
    }

    private void checkOpenable(SessionKey key) {
        if (sealed && sessions.containsKey(key)) {
            throw new StoreException("the stored session of " + key + " cannot be opened with this store key", null,
                    false);
        }
    }

    private void check() {
        if (broken) {
            throw new StoreException("the fake store is broken on purpose", null, true);
        }
    }
}
