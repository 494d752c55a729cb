package dev.lplogin.archfixture.app.cli;

import dev.lplogin.archfixture.domain.usecase.FixtureUseCase;

/** Obeys every rule: the command line may print, and calls the core through the driving port. */
public final class FixtureCommand {

    public void run(FixtureUseCase core) {
        System.out.println(core.bearer("key"));
    }
}
