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
import java.util.function.Function;
import java.util.function.Supplier;

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
        return timed("load", () -> delegate.load(key), session -> session.isPresent() ? "hit" : "miss");
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        return timed("save", () -> delegate.save(session, expectedVersion), MeteredTokenStore::outcome);
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        return timed("fenced_save", () -> delegate.save(session, expectedVersion, lease), MeteredTokenStore::outcome);
    }

    @Override
    public boolean delete(SessionKey key, long expectedVersion) {
        return timed("delete", () -> delegate.delete(key, expectedVersion),
                deleted -> deleted ? "deleted" : "not_found");
    }

    @Override
    public List<Session> list() {
        return timed("list", delegate::list, sessions -> Outcomes.SUCCESS);
    }

    @Override
    public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        return timed("lease", () -> delegate.tryLease(key, ttl), lease -> lease.isPresent() ? "granted" : "busy");
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        return timed("renew", () -> delegate.renew(lease, ttl), renewed -> renewed.isPresent() ? "renewed" : "lost");
    }

    @Override
    public void release(Lease lease) {
        timed("release", () -> {
            delegate.release(lease);
            return null;
        }, nothing -> Outcomes.SUCCESS);
    }

    /** Runs {@code call}, recording its time under {@code operation} with the outcome of its result or failure. */
    private <T> T timed(String operation, Supplier<T> call, Function<T, String> outcome) {
        return Meters.timed(call, outcome, (name, start) -> meters.store(operation, name, start));
    }

    private static String outcome(SaveResult result) {
        return switch (result) {
            case SaveResult.Saved saved -> "saved";
            case SaveResult.Conflict conflict -> "conflict";
            case SaveResult.Fenced fenced -> "fenced";
        };
    }
}
