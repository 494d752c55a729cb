package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.DomainLookup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Knows one login host for every account; counts lookups and remembers seeds. */
final class FakeDomainLookup implements DomainLookup {

    static final ServiceHost LOGIN_HOST = ServiceHost.of("va.agentvep.example");

    final AtomicInteger lookups = new AtomicInteger();
    final List<Map<ServiceName, ServiceHost>> seeds = new CopyOnWriteArrayList<>();

    @Override
    public ServiceHost lookup(AccountId account, ServiceName service) {
        lookups.incrementAndGet();
        return LOGIN_HOST;
    }

    @Override
    public Map<ServiceName, ServiceHost> lookupAll(AccountId account) {
        return Map.of(ServiceName.LOGIN, LOGIN_HOST);
    }

    @Override
    public void seed(AccountId account, Map<ServiceName, ServiceHost> services) {
        seeds.add(services);
    }
}
