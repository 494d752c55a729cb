package dev.lplogin.archfixture.app.cli;

import dev.lplogin.archfixture.app.wiring.FixtureModule;

/** Obeys every rule: the command line may print, and gets its objects from the composition root. */
public final class FixtureCommand {

    public void run(FixtureModule wiring) {
        System.out.println(wiring.port().fetch("key"));
    }
}
