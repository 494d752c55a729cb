package dev.lplogin.calls;

import static dev.lplogin.calls.CallsRig.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lplogin.calls.ServiceCall.Header;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service that answers with a redirect to another host: the answer comes back as it is and the other host never
 * sees a request, let alone the bearer. Plain HTTP on loopback (the emulator over HTTP allows it), two JDK servers.
 */
class RedirectTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final ServiceName REDIRECTING = ServiceName.of("redirectingService");

    @TempDir
    Path dir;

    private static HttpServer redirecting;
    private static HttpServer elsewhere;
    private static final List<String> elsewhereSaw = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServers() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            elsewhereSaw.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().keySet());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        elsewhere.start();
        redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/", exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getQuery().substring("status=".length()));
            // "localhost" is another host than the 127.0.0.1 the call went to, on another port too
            exchange.getResponseHeaders().set("Location", "http://localhost:" + elsewhere.getAddress().getPort()
                    + "/stolen");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        redirecting.start();
    }

    @AfterAll
    static void stopServers() {
        redirecting.stop(0);
        elsewhere.stop(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsReturnedAndNeverFollowed(int status) {
        var override = Map.of(REDIRECTING, ServiceHost.of("127.0.0.1:" + redirecting.getAddress().getPort()));
        try (CallsRig rig = CallsRig.against(EMULATOR.emulator(), dir, http -> http.overrides(override),
                CallSettings.defaults())) {
            rig.loginDemo();

            var answer = rig.calls.send(new ServiceCall(DEMO, REDIRECTING, "POST", "/moved?status=" + status,
                    List.of(new Header("Content-Type", "application/json")), CallBody.ofString("{}")),
                    BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(status);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/stolen"));
            assertThat(elsewhereSaw).isEmpty();
        }
    }
}
