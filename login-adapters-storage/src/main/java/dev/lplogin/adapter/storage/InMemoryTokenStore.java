package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.TokenStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link TokenStore} that keeps sessions in this process only: for tests, and for embedders that do not want
 * sessions on disk. Nothing survives a restart and nothing is shared with other processes.
 *
 * <p>Thread-safe: compare-and-set, fencing and leases are atomic per key ({@link ConcurrentHashMap#compute}). Lease
 * expiry is judged by the injected clock. Null arguments throw {@link NullPointerException}; nothing here does I/O,
 * so no {@link dev.lplogin.domain.port.StoreException} is ever thrown.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final InstantSource clock;
    private final ConcurrentMap<SessionKey, Session> sessions = new ConcurrentHashMap<>();
    // the latest grant per key, kept after release (as inactive) so that fences never go backwards
    private final ConcurrentMap<SessionKey, Leases.Grant> grants = new ConcurrentHashMap<>();

    /** A store whose leases expire by the system clock. */
    public InMemoryTokenStore() {
        this(InstantSource.system());
    }

    /** A store whose leases expire by {@code clock}. */
    public InMemoryTokenStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Session> load(SessionKey key) {
        return Optional.ofNullable(sessions.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        Objects.requireNonNull(session, "session");
        return compareAndSet(session, expectedVersion, Optional.empty());
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        Leases.requireSameKey(session, lease);
        return compareAndSet(session, expectedVersion, Optional.of(lease));
    }

    private SaveResult compareAndSet(Session session, long expectedVersion, Optional<Lease> fence) {
        SaveResult[] result = new SaveResult[1];
        sessions.compute(session.key(), (key, current) -> {
            // A grant racing with this check is ordered after the save; the new holder's own compare-and-set
            // then sees the version this save wrote.
            Leases.Grant latest = grants.get(key);
            if (fence.isPresent() && latest != null && Leases.superseded(fence.get(), latest.lease().fence())) {
                result[0] = new SaveResult.Fenced(Optional.ofNullable(current));
                return current;
            }
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != expectedVersion) {
                result[0] = new SaveResult.Conflict(Optional.ofNullable(current));
                return current;
            }
            Session stored = session.withVersion(expectedVersion + 1);
            result[0] = new SaveResult.Saved(stored);
            return stored;
        });
        return result[0];
    }

    @Override
    public boolean delete(SessionKey key, long expectedVersion) {
        Objects.requireNonNull(key, "key");
        boolean[] deleted = new boolean[1];
        sessions.computeIfPresent(key, (k, current) -> {
            deleted[0] = current.version() == expectedVersion;
            return deleted[0] ? null : current;
        });
        return deleted[0];
    }

    @Override
    public List<Session> list() {
        return List.copyOf(sessions.values());
    }

    @Override
    public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Leases.requirePositive(ttl);
        Lease[] granted = new Lease[1];
        grants.compute(key, (k, latest) -> {
            if (latest != null && latest.heldAt(clock.instant())) {
                return latest;
            }
            granted[0] = Leases.grant(key, ttl, clock.instant(), latest == null ? 0 : latest.lease().fence());
            return new Leases.Grant(granted[0], true);
        });
        return Optional.ofNullable(granted[0]);
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        Leases.requirePositive(ttl);
        Lease[] renewed = new Lease[1];
        grants.computeIfPresent(lease.key(), (k, latest) -> {
            if (!latest.isHeldAs(lease, clock.instant())) {
                return latest;
            }
            renewed[0] = lease.withExpiry(clock.instant().plus(ttl));
            return new Leases.Grant(renewed[0], true);
        });
        return Optional.ofNullable(renewed[0]);
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        grants.computeIfPresent(lease.key(), (k, latest) ->
                latest.lease().token().equals(lease.token()) ? new Leases.Grant(latest.lease(), false) : latest);
    }
}
