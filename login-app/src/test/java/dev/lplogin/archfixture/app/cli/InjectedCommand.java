package dev.lplogin.archfixture.app.cli;

import dev.lplogin.archfixture.domain.usecase.FixtureUseCase;
import jakarta.inject.Inject;

/** Breaks "only the wiring knows Dagger and jakarta.inject": a command injected instead of given its objects. */
public final class InjectedCommand {

    private final FixtureUseCase core;

    @Inject
    public InjectedCommand(FixtureUseCase core) {
        this.core = core;
    }

    public void run() {
        System.out.println(core.bearer("key"));
    }
}
