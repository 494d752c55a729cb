package dev.lplogin.archfixture.domain.model;

import java.time.Instant;
import java.util.Objects;

/** Obeys every rule: a domain value using allowed JDK packages only. */
public record FixtureValue(String name, Instant at) {
    public FixtureValue {
        Objects.requireNonNull(name, "name");
    }
}
