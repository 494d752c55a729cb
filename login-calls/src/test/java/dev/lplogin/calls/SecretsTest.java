package dev.lplogin.calls;

import static dev.lplogin.calls.CallsRig.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * No bearer, password or header value in anything the helper says: log records at every level (with their
 * exceptions), the exceptions callers get, and {@code toString()} of calls — across replays, a one-shot 401, a
 * refused connection and a timeout.
 */
class SecretsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final String HEADER_SECRET = "header-secret-5c1e";

    @TempDir
    Path dir;

    @Test
    void noSecretReachesALogLineAnExceptionOrAToString() throws Exception {
        List<String> said = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                said.add(String.valueOf(new java.util.logging.SimpleFormatter().formatMessage(record)));
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    said.add(String.valueOf(t));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("dev.lplogin");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        List<Secret> bearers = new ArrayList<>();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = ServiceName.of("nowhere");
        try (CallsRig rig = CallsRig.against(EMULATOR.emulator(), dir,
                http -> http.overrides(Map.of(nowhere, ServiceHost.of("127.0.0.1:" + closedPort))),
                CallSettings.defaults().withRequestTimeout(Duration.ofMillis(300)))) {
            bearers.add(rig.loginDemo());
            var read = ServiceCall.get(DEMO, ServiceName.of("accountConfigReadOnly"),
                    "/api/account/{accountId}/configuration/le-users/skills").withHeader("X-Api-Key", HEADER_SECRET);
            said.add(read.toString());

            EMULATOR.emulator().expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
            assertThat(rig.calls.send(read, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            bearers.add(rig.core.bearer(DEMO));
            EMULATOR.emulator().expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
            var oneShot = read.withBody(CallBody.ofInputStream(new ByteArrayInputStream(new byte[] {1})));
            said.add(oneShot.toString());
            assertThat(rig.calls.send(oneShot, BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            EMULATOR.emulator().inject(Fault.delay(Endpoint.LIST_SKILLS, Duration.ofSeconds(1), 1));
            said.add(failureOf(() -> rig.calls.send(read, BodyHandlers.ofString())));
            bearers.add(rig.core.bearer(DEMO));
            said.add(failureOf(() -> rig.calls.send(ServiceCall.get(DEMO, nowhere, "/x")
                    .withHeader("X-Api-Key", HEADER_SECRET), BodyHandlers.ofString())));
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }

        assertThat(said).as("what was said").isNotEmpty().anySatisfy(line -> assertThat(line).contains("401"));
        assertThat(said).anySatisfy(line -> assertThat(line).contains("connection refused"));
        for (String line : said) {
            assertThat(line).doesNotContain(HEADER_SECRET, DemoAccount.PASSWORD, "Bearer ");
            for (Secret bearer : bearers) {
                assertThat(line).doesNotContain(bearer.reveal());
            }
        }
    }

    private static String failureOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t).append('\n');
            }
            return all.toString();
        }
        throw new AssertionError("the call should have failed");
    }
}
