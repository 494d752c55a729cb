package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainLookup;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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
        return timed(() -> delegate.lookup(account, service));
    }

    @Override
    public Map<ServiceName, ServiceHost> lookupAll(AccountId account) {
        return timed(() -> delegate.lookupAll(account));
    }

    @Override
    public void seed(AccountId account, Map<ServiceName, ServiceHost> services) {
        delegate.seed(account, services);
    }

    private <T> T timed(Supplier<T> call) {
        return Meters.timed(call, answer -> Outcomes.SUCCESS,
                (name, start) -> meters.upstream("domain_lookup", name, start));
    }
}
