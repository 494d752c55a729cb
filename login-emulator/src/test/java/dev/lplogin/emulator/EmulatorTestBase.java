package dev.lplogin.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One default emulator (HTTPS, demo account) per test class, reset before each test; a raw client to it. */
abstract class EmulatorTestBase {

    static LoginEmulator emulator;
    static RawClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = LoginEmulator.start();
        client = new RawClient(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }
}
