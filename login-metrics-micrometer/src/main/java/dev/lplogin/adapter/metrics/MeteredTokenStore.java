package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.TokenStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TokenStore} that times every call ({@code lplogin.store.operations}) by operation and outcome:
 * {@code load} hit/miss, {@code save} and {@code fenced_save} saved/conflict/fenced, {@code delete}
 * deleted/not_found, {@code list}, {@code lease} granted/busy, {@code renew} renewed/lost, {@code release}, and the
 * failure's kind (e.g. {@code store_error}) when a call throws. The lease
 * outcomes are the store's view of the coordination between processes: many {@code busy} means processes wait for
 * one another's logins, which is the point of a shared store; {@code lost} renewals and {@code fenced} saves mean a
 * holder outlived its lease and another process took over. Thread-safe; delegates everything, changes nothing.
 */
public final class MeteredTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Meters meters;

    MeteredTokenStore(TokenStore delegate, Meters meters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public Optional<Session> load(SessionKey key) {
        long start = System.nanoTime();
        try {
            Optional<Session> session = delegate.load(key);
            meters.store("load", session.isPresent() ? "hit" : "miss", start);
            return session;
        } catch (RuntimeException e) {
            meters.store("load", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        long start = System.nanoTime();
        try {
            SaveResult result = delegate.save(session, expectedVersion);
            meters.store("save", outcome(result), start);
            return result;
        } catch (RuntimeException e) {
            meters.store("save", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        long start = System.nanoTime();
        try {
            SaveResult result = delegate.save(session, expectedVersion, lease);
            meters.store("fenced_save", outcome(result), start);
            return result;
        } catch (RuntimeException e) {
            meters.store("fenced_save", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public boolean delete(SessionKey key, long expectedVersion) {
        long start = System.nanoTime();
        try {
            boolean deleted = delegate.delete(key, expectedVersion);
            meters.store("delete", deleted ? "deleted" : "not_found", start);
            return deleted;
        } catch (RuntimeException e) {
            meters.store("delete", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public List<Session> list() {
        long start = System.nanoTime();
        try {
            List<Session> sessions = delegate.list();
            meters.store("list", Outcomes.SUCCESS, start);
            return sessions;
        } catch (RuntimeException e) {
            meters.store("list", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        long start = System.nanoTime();
        try {
            Optional<Lease> lease = delegate.tryLease(key, ttl);
            meters.store("lease", lease.isPresent() ? "granted" : "busy", start);
            return lease;
        } catch (RuntimeException e) {
            meters.store("lease", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        long start = System.nanoTime();
        try {
            Optional<Lease> renewed = delegate.renew(lease, ttl);
            meters.store("renew", renewed.isPresent() ? "renewed" : "lost", start);
            return renewed;
        } catch (RuntimeException e) {
            meters.store("renew", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public void release(Lease lease) {
        long start = System.nanoTime();
        try {
            delegate.release(lease);
            meters.store("release", Outcomes.SUCCESS, start);
        } catch (RuntimeException e) {
            meters.store("release", Outcomes.of(e), start);
            throw e;
        }
    }

    private static String outcome(SaveResult result) {
        return switch (result) {
            case SaveResult.Saved saved -> "saved";
            case SaveResult.Conflict conflict -> "conflict";
            case SaveResult.Fenced fenced -> "fenced";
        };
    }
}
