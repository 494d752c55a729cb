package dev.lplogin.archfixture.calls;

import dev.lplogin.archfixture.domain.port.FixturePort;

/** Breaks "driving adapters call only the driving port": the calls helper fetching from a driven port itself. */
public final class PortCallingCall {

    private final FixturePort port;

    public PortCallingCall(FixturePort port) {
        this.port = port;
    }

    public String bearer() {
        return port.fetch("key");
    }
}
