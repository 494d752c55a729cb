package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A library brings no logging binding: with one of its own, an embedder's application would get two SLF4J
 * providers, a warning, and its logs rerouted through whichever SLF4J picks. Only {@code login-app} ships one.
 */
class LibraryHygieneTest {

    @Test
    void the_store_brings_no_slf4j_provider_to_its_embedders() {
        // this module's run-time class path (plus test dependencies, none of which brings one either)
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()).toList())
                .isEmpty();
    }
}
