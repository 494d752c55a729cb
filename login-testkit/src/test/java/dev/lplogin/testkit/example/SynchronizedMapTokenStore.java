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
 * EXAMPLE ONLY: the smallest honest {@link TokenStore} — a few maps behind one lock. It shows what the contract asks
 * of an adapter: versions starting at 0, compare-and-set saves and deletes, leases that expire by an injected clock
 * and are renewed by their holder, and fences that only grow, so that a save under a superseded lease is refused.
 * A real adapter (a database, a shared cache) keeps the same rules with that backend's own atomic operations.
 */
public final class SynchronizedMapTokenStore implements TokenStore {

    private final InstantSource clock;
    private final Map<SessionKey, Session> sessions = new HashMap<>();
    // the latest lease granted per key; kept after release so that the next fence is larger
    private final Map<SessionKey, Grant> latestGrants = new HashMap<>();

    private record Grant(Lease lease, boolean released) {
    }

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
    public synchronized SaveResult save(Session session, long expectedVersion, Lease lease) {
        Objects.requireNonNull(lease, "lease");
        if (!lease.key().equals(session.key())) {
            throw new IllegalArgumentException("the lease covers another key");
        }
        Grant latest = latestGrants.get(lease.key());
        // fencing: once a later lease was granted, this holder's work is superseded
        if (latest != null && latest.lease().fence() > lease.fence()) {
            return new SaveResult.Fenced(load(session.key()));
        }
        return save(session, expectedVersion);
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
        requirePositive(ttl);
        Grant latest = latestGrants.get(key);
        if (latest != null && isHeld(latest)) {
            return Optional.empty();
        }
        long fence = latest == null ? 1 : latest.lease().fence() + 1;
        Lease granted = new Lease(key, UUID.randomUUID().toString(), fence, clock.instant().plus(ttl));
        latestGrants.put(key, new Grant(granted, false));
        return Optional.of(granted);
    }

    @Override
    public synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        requirePositive(ttl);
        Grant latest = latestGrants.get(lease.key());
        if (latest == null || !latest.lease().token().equals(lease.token()) || !isHeld(latest)) {
            return Optional.empty();
        }
        Lease renewed = lease.withExpiry(clock.instant().plus(ttl));
        latestGrants.put(lease.key(), new Grant(renewed, false));
        return Optional.of(renewed);
    }

    @Override
    public synchronized void release(Lease lease) {
        // only the current holder's token releases: a late release of a lapsed lease must not free the new holder's
        Grant latest = latestGrants.get(lease.key());
        if (latest != null && latest.lease().token().equals(lease.token())) {
            latestGrants.put(lease.key(), new Grant(latest.lease(), true));
        }
    }

    private boolean isHeld(Grant grant) {
        return !grant.released() && clock.instant().isBefore(grant.lease().expiresAt());
    }

    private static void requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease ttl must be positive");
        }
    }
}
