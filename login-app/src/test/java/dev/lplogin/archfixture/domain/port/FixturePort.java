package dev.lplogin.archfixture.domain.port;

/** Obeys every rule: a driven port. */
public interface FixturePort {
    String fetch(String key);
}
