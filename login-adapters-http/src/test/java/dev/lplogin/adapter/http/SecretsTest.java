package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.EmulatorConfig;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec §4: the whole fault suite runs with every logger at its finest level, and none of the secrets involved —
 * passwords, client and app secrets, access tokens, bearers, csrf tokens, cookie values — appears in the captured
 * log output (stack traces included), in any exception message of any cause, or in any outcome's text.
 */
class SecretsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(
            EmulatorConfig.defaults().withLoginLimit(1000, Duration.ofMinutes(1)));

    @TempDir
    static Path certificates;

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);

    private final List<String> secrets = new ArrayList<>(List.of(DemoAccount.PASSWORD, DemoAccount.CLIENT_SECRET,
            DemoAccount.LEGACY_SECRET, DemoAccount.LEGACY_ACCESS_TOKEN, DemoAccount.LEGACY_ACCESS_TOKEN_SECRET,
            DemoAccount.BLOCKED_PASSWORD, "wrong-password-4711"));
    private final StringBuilder seen = new StringBuilder();

    @Test
    @SuppressWarnings("deprecation")
    void no_secret_reaches_a_log_line_an_exception_message_or_an_outcome() {
        LoginEmulator emulator = EMULATOR.emulator();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public synchronized void publish(LogRecord record) {
                logs.writeBytes(formatter.format(record).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = LogManager.getLogManager().getLogger("");
        Level rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        List<Logger> finest = List.of(Logger.getLogger("dev.lplogin"), Logger.getLogger("jdk.internal.httpclient"),
                Logger.getLogger("jdk.httpclient.HttpClient"), Logger.getLogger("dev.failsafe"));
        finest.forEach(logger -> logger.setLevel(Level.ALL));
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try (HttpTransport transport = HttpTransport.create(TestSettings.fast(emulator, certificates)
                .toBuilder().requestTimeout(Duration.ofMillis(400)).build())) {
            runFaultSuite(emulator, new HttpAuthGateway(transport, InstantSource.system()),
                    new HttpDomainLookup(transport, InstantSource.system()));
        } finally {
            System.setErr(err);
            root.removeHandler(capture);
            root.setLevel(rootLevel);
            finest.forEach(logger -> logger.setLevel(null));
        }

        String captured = logs.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
        assertThat(captured).as("the suite logged at all").contains("attempt 2 of POST");
        assertThat(secrets).as("secrets collected").hasSizeGreaterThan(12);
        for (String secret : secrets) {
            assertThat(captured).as("captured log output").doesNotContain(secret);
            assertThat(seen.toString()).as("exception messages and outcomes").doesNotContain(secret);
        }
    }

    @SuppressWarnings("deprecation")
    private void runFaultSuite(LoginEmulator emulator, HttpAuthGateway gateway, HttpDomainLookup lookup) {
        ServiceHost host = lookup.lookup(ACCOUNT, ServiceName.LOGIN);
        Credentials user = new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD));
        Credentials bot = new Credentials.OAuth2Client(DemoAccount.BOT_USERNAME, DemoAccount.CLIENT_ID,
                Secret.of(DemoAccount.CLIENT_SECRET));
        Credentials legacy = new Credentials.LegacyOAuth1(DemoAccount.LEGACY_BOT_USERNAME, DemoAccount.LEGACY_APP_KEY,
                Secret.of(DemoAccount.LEGACY_SECRET), Secret.of(DemoAccount.LEGACY_ACCESS_TOKEN),
                Secret.of(DemoAccount.LEGACY_ACCESS_TOKEN_SECRET));

        for (Credentials credentials : List.of(user, bot, legacy)) {
            Session session = remember(gateway.login(ACCOUNT, host, credentials));
            note(() -> gateway.refresh(session));
            note(() -> gateway.logout(session));
            note(() -> gateway.logout(session));
        }
        List<Fault> loginFaults = List.of(Fault.status(Endpoint.LOGIN, 503, 4), Fault.status(Endpoint.LOGIN, 429, 1),
                Fault.status(Endpoint.LOGIN, 429, Duration.ofSeconds(5), 1), Fault.status(Endpoint.LOGIN, 451, 1),
                Fault.status(Endpoint.LOGIN, 400, 1), Fault.reset(Endpoint.LOGIN, 4), Fault.malformed(Endpoint.LOGIN, 1),
                Fault.delay(Endpoint.LOGIN, Duration.ofMillis(700), 1));
        for (Fault fault : loginFaults) {
            for (Credentials credentials : List.of(user, bot, legacy)) {
                emulator.inject(fault);
                note(() -> gateway.login(ACCOUNT, host, credentials));
                emulator.clearFaults();
            }
        }
        note(() -> gateway.login(ACCOUNT, host, new Credentials.UserPassword(DemoAccount.USERNAME,
                Secret.of("wrong-password-4711"))));
        note(() -> gateway.login(ACCOUNT, host, new Credentials.UserPassword(DemoAccount.BLOCKED_USERNAME,
                Secret.of(DemoAccount.BLOCKED_PASSWORD))));

        Session session = remember(gateway.login(ACCOUNT, host, user));
        List<Fault> sessionFaults = List.of(Fault.status(Endpoint.REFRESH, 503, 4),
                Fault.status(Endpoint.REFRESH, 429, 1), Fault.status(Endpoint.REFRESH, 451, 1),
                Fault.status(Endpoint.REFRESH, 400, 1), Fault.reset(Endpoint.REFRESH, 4),
                Fault.delay(Endpoint.REFRESH, Duration.ofMillis(700), 4), Fault.malformed(Endpoint.REFRESH, 1),
                Fault.status(Endpoint.LOGOUT, 503, 4), Fault.status(Endpoint.LOGOUT, 429, Duration.ofSeconds(5), 1),
                Fault.status(Endpoint.LOGOUT, 451, 1), Fault.reset(Endpoint.LOGOUT, 4));
        for (Fault fault : sessionFaults) {
            emulator.inject(fault);
            note(() -> fault.endpoint() == Endpoint.LOGOUT ? gateway.logout(session) : gateway.refresh(session));
            emulator.clearFaults();
        }
        Session wrongCsrf = new Session(session.key(), session.loginHost(), session.bearer(), Secret.of("f".repeat(64)),
                session.cookies(), session.userId(), session.userPid(), session.issuedAt(), session.lastConfirmedAt(),
                session.maxLifetime(), 0);
        note(() -> gateway.refresh(wrongCsrf));
        note(() -> gateway.logout(wrongCsrf));
        emulator.expireSessions();
        note(() -> gateway.refresh(session));

        HttpDomainLookup cold = new HttpDomainLookup(HttpTransport.create(TestSettings.fast(emulator, certificates)),
                InstantSource.system());
        for (Fault fault : List.of(Fault.status(Endpoint.CSDS, 503, 4), Fault.malformed(Endpoint.CSDS, 1),
                Fault.reset(Endpoint.CSDS, 8))) {
            emulator.inject(fault);
            note(() -> cold.lookup(ACCOUNT, ServiceName.LOGIN));
            emulator.clearFaults();
        }
        note(() -> cold.lookup(AccountId.of("99999999"), ServiceName.LOGIN));
    }

    private Session remember(LoginOutcome outcome) {
        seen.append(outcome).append('\n');
        Session session = ((LoggedIn) outcome).session();
        secrets.add(session.bearer().reveal());
        secrets.add(session.csrf().reveal());
        session.cookies().stream().map(SessionCookie::value).map(Secret::reveal).forEach(secrets::add);
        return session;
    }

    private void note(Supplier<?> call) {
        try {
            Object outcome = call.get();
            seen.append(outcome).append('\n');
            if (outcome instanceof LoggedIn loggedIn) {
                remember(loggedIn);
            }
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.append(t).append('\n');
                for (Throwable suppressed : t.getSuppressed()) {
                    seen.append(suppressed).append('\n');
                }
            }
        }
    }
}
