package dev.lplogin.archfixture.domain.usecase;

/** Obeys every rule: the driving port, what driving adapters call. */
public interface FixtureUseCase {
    String bearer(String key);
}
