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
 * <p>Thread-safe: compare-and-set and leases are atomic per key ({@link ConcurrentHashMap#compute}). Lease expiry is
 * judged by the injected clock. Null arguments throw {@link NullPointerException}; nothing here does I/O, so no
 * {@link dev.lplogin.domain.port.StoreException} is ever thrown.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final InstantSource clock;
    private final ConcurrentMap<SessionKey, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<SessionKey, Lease> leases = new ConcurrentHashMap<>();

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
        SaveResult[] result = new SaveResult[1];
        sessions.compute(session.key(), (key, current) -> {
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
        Lease candidate = Leases.grant(key, ttl, clock.instant());
        Lease holder = leases.compute(key, (k, held) ->
                held != null && Leases.holds(held.expiresAt(), clock.instant()) ? held : candidate);
        return holder == candidate ? Optional.of(candidate) : Optional.empty();
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        leases.computeIfPresent(lease.key(), (k, held) -> held.token().equals(lease.token()) ? null : held);
    }
}
