package dev.lplogin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.LoginEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpEmulatorExtensionTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private final LoginEmulator injected;

    HttpEmulatorExtensionTest(LoginEmulator injected) {
        this.injected = injected;
    }

    @Test
    void servesPlainHttpAndInjectsConstructors() {
        assertThat(injected.baseUrl().toString()).startsWith("http://127.0.0.1:");
        assertThat(injected).isSameAs(EMULATOR.emulator());
    }
}
