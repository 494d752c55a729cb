package dev.lplogin.archfixture.domain.usecase;

import dev.lplogin.archfixture.domain.port.FixturePort;
import jakarta.inject.Inject;

/** Breaks "only app knows jakarta.inject" (and the domain's JDK allow-list): the core must be built by hand. */
public final class InjectedService {

    private final FixturePort port;

    @Inject
    public InjectedService(FixturePort port) {
        this.port = port;
    }

    public String use(String key) {
        return port.fetch(key);
    }
}
