package dev.lplogin.adapter.redis;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.TokenStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/** A store that hands every call to another: the tests' watching stores override only the calls they watch. */
abstract class ForwardingTokenStore implements TokenStore {

    final TokenStore store;

    ForwardingTokenStore(TokenStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<Session> load(SessionKey key) {
        return store.load(key);
    }

    @Override
    public SaveResult save(Session session, long expectedVersion) {
        return store.save(session, expectedVersion);
    }

    @Override
    public SaveResult save(Session session, long expectedVersion, Lease lease) {
        return store.save(session, expectedVersion, lease);
    }

    @Override
    public boolean delete(SessionKey key, long expectedVersion) {
        return store.delete(key, expectedVersion);
    }

    @Override
    public List<Session> list() {
        return store.list();
    }

    @Override
    public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
        return store.tryLease(key, ttl);
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        return store.renew(lease, ttl);
    }

    @Override
    public void release(Lease lease) {
        store.release(lease);
    }
}
