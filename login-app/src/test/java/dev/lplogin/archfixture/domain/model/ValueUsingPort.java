package dev.lplogin.archfixture.domain.model;

import dev.lplogin.archfixture.domain.port.FixturePort;

/** Breaks the onion: the model must not know the ports around it. */
public record ValueUsingPort(FixturePort port) {
}
