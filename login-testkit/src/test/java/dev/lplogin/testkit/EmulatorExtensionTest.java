package dev.lplogin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.LoginEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static LoginEmulator first;

    @Test
    @Order(1)
    void injectsTheRunningEmulator(LoginEmulator emulator) {
        assertThat(emulator).isSameAs(EMULATOR.emulator());
        assertThat(emulator.baseUrl().getScheme()).isEqualTo("https");
        emulator.advanceClock(Duration.ofHours(5));
        first = emulator;
    }

    @Test
    @Order(2)
    void sharesOneEmulatorPerClassAndResetsItBetweenTests(LoginEmulator emulator) {
        assertThat(emulator).isSameAs(first);
        // The previous test moved the clock 5 h ahead; reset() before this test put it back.
        assertThat(Duration.between(Instant.now(), emulator.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesShareTheOuterEmulator(LoginEmulator emulator) {
            assertThat(emulator).isSameAs(EMULATOR.emulator());
        }
    }
}
