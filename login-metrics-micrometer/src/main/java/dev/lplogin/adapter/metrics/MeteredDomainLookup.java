package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainLookup;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link DomainLookup} that times every lookup ({@code lplogin.upstream.calls}, operation {@code domain_lookup}, by
 * outcome). The adapter's cache is behind the port, so a cached answer is counted too — and shows as a call of a few
 * microseconds. Thread-safe; delegates everything, {@link #seed} included.
 */
public final class MeteredDomainLookup implements DomainLookup {

    private final DomainLookup delegate;
    private final Meters meters;

    MeteredDomainLookup(DomainLookup delegate, Meters meters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public ServiceHost lookup(AccountId account, ServiceName service) {
        long start = System.nanoTime();
        try {
            ServiceHost host = delegate.lookup(account, service);
            meters.upstream("domain_lookup", Outcomes.SUCCESS, start);
            return host;
        } catch (RuntimeException e) {
            meters.upstream("domain_lookup", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public Map<ServiceName, ServiceHost> lookupAll(AccountId account) {
        long start = System.nanoTime();
        try {
            Map<ServiceName, ServiceHost> hosts = delegate.lookupAll(account);
            meters.upstream("domain_lookup", Outcomes.SUCCESS, start);
            return hosts;
        } catch (RuntimeException e) {
            meters.upstream("domain_lookup", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public void seed(AccountId account, Map<ServiceName, ServiceHost> services) {
        delegate.seed(account, services);
    }
}
