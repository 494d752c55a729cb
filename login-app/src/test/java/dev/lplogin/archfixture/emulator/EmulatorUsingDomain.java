package dev.lplogin.archfixture.emulator;

import dev.lplogin.archfixture.domain.model.FixtureValue;

/** Breaks the emulator's independence: it would agree with the client's mistakes. */
public final class EmulatorUsingDomain {

    public String name(FixtureValue value) {
        return value.name();
    }
}
