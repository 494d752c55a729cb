package dev.lplogin.archfixture.app.cli;

import dev.lplogin.archfixture.app.wiring.FixtureModule;

/** Breaks "driving adapters call only the driving port": a command that calls a driven port itself. */
public final class PortCallingCommand {

    public void run(FixtureModule wiring) {
        System.out.println(wiring.port().fetch("key"));
    }
}
