package dev.lplogin.testkit.example;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.TokenStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * EXAMPLE ONLY: the smallest honest {@link TokenStore} — two maps behind one lock. It shows what the contract asks
 * of an adapter: versions starting at 0, compare-and-set saves and deletes, leases that expire by an injected clock.
 * A real adapter (a database, a shared cache) keeps the same rules with that backend's own atomic operations.
 */
public final class SynchronizedMapTokenStore implements TokenStore {

    private final InstantSource clock;
    private final Map<SessionKey, Session> sessions = new HashMap<>();
    private final Map<SessionKey, Lease> leases = new HashMap<>();

    public SynchronizedMapTokenStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Session> load(SessionKey key) {
        return Optional.ofNullable(sessions.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public synchronized SaveResult save(Session session, long expectedVersion) {
        Optional<Session> current = load(session.key());
        // version 0 means "nothing stored": the first save expects 0 and stores version 1
        if (current.map(Session::version).orElse(0L) != expectedVersion) {
            return new SaveResult.Conflict(current);
        }
        Session stored = session.withVersion(expectedVersion + 1);
        sessions.put(stored.key(), stored);
        return new SaveResult.Saved(stored);
    }

    @Override
    public synchronized boolean delete(SessionKey key, long expectedVersion) {
        return load(key).filter(s -> s.version() == expectedVersion).map(s -> sessions.remove(key)).isPresent();
    }

    @Override
    public synchronized List<Session> list() {
        return List.copyOf(sessions.values());
    }

    @Override
    public synchronized Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ttl, "ttl");
        Lease held = leases.get(key);
        if (held != null && clock.instant().isBefore(held.expiresAt())) {
            return Optional.empty();
        }
        Lease granted = new Lease(key, UUID.randomUUID().toString(), clock.instant().plus(ttl));
        leases.put(key, granted);
        return Optional.of(granted);
    }

    @Override
    public synchronized void release(Lease lease) {
        // only the current holder's token releases: a late release of a lapsed lease must not free the new holder's
        leases.computeIfPresent(lease.key(), (key, held) -> held.token().equals(lease.token()) ? null : held);
    }
}
