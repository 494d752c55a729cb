package dev.lplogin.testkit;

import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.LoginEmulator;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one {@link LoginEmulator} per test class and hands it to the tests.
 *
 * <pre>{@code
 * class MyAdapterTest {
 *     @RegisterExtension
 *     static final EmulatorExtension EMULATOR = EmulatorExtension.https();
 *
 *     @Test
 *     void logsIn(LoginEmulator emulator) {          // injected, or use EMULATOR.emulator()
 *         var csdsBaseUrl = emulator.baseUrl();
 *         var sslContext = emulator.sslContext();    // trusts the emulator's certificate
 *     }
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field (or with {@code @ExtendWith(EmulatorExtension.class)}, which means
 * {@link #https()}): the emulator starts before the first test of the class and stops after the last. Before each
 * test it is {@linkplain LoginEmulator#reset() reset} — no sessions, faults, rate-limit history or stats, clock at
 * now — so tests do not see each other's traffic; {@link #keepingStateBetweenTests()} turns that off. Nested test
 * classes share their outer class's emulator. Test methods and constructors may declare a {@link LoginEmulator}
 * parameter.
 */
public final class EmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final EmulatorConfig config;
    private final boolean resetBeforeEach;
    private volatile LoginEmulator emulator;
    private volatile Object owner;

    /** The same as {@link #https()}; for {@code @ExtendWith(EmulatorExtension.class)}. */
    public EmulatorExtension() {
        this(EmulatorConfig.defaults(), true);
    }

    private EmulatorExtension(EmulatorConfig config, boolean resetBeforeEach) {
        this.config = Objects.requireNonNull(config, "config");
        this.resetBeforeEach = resetBeforeEach;
    }

    /** An emulator over HTTPS with the default settings (demo account, free loopback port). */
    public static EmulatorExtension https() {
        return with(EmulatorConfig.defaults());
    }

    /** An emulator over plain HTTP with the default settings. */
    public static EmulatorExtension http() {
        return with(EmulatorConfig.defaults().withHttps(false));
    }

    /** An emulator with this configuration. */
    public static EmulatorExtension with(EmulatorConfig config) {
        return new EmulatorExtension(config, true);
    }

    /** This extension, without the reset before each test: state carries over from test to test. */
    public EmulatorExtension keepingStateBetweenTests() {
        return new EmulatorExtension(config, false);
    }

    /**
     * The running emulator.
     *
     * @throws IllegalStateException outside the test class's lifetime
     */
    public LoginEmulator emulator() {
        var running = emulator;
        if (running == null) {
            throw new IllegalStateException("the emulator runs only while the test class runs; register "
                    + "EmulatorExtension on a static field with @RegisterExtension");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Nested classes call beforeAll again: the outermost class owns the emulator.
        if (emulator == null) {
            emulator = LoginEmulator.start(config);
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(owner)) {
            emulator.close();
            emulator = null;
            owner = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            throw new ExtensionConfigurationException("EmulatorExtension must be registered on a static field "
                    + "(@RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.https();)");
        }
        if (resetBeforeEach) {
            emulator.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoginEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
