package dev.lplogin.emulator;

import static dev.lplogin.emulator.RawClient.userBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each fault mode, its count, its endpoint, and its control over HTTP. */
class FaultInjectionTest extends EmulatorTestBase {

    private static final String AGENT_VEP = "/api/account/12345678/service/agentVep/baseURI.json?version=1.0";

    @Test
    void statusFaultAnswersTheStatusTimesThenRecovers() {
        emulator.inject(Fault.status(Endpoint.LOGIN, 503, Duration.ofSeconds(7), 2));

        for (int i = 0; i < 2; i++) {
            var failed = client.loginRaw("12345678", userBody("demo", "demo-password"));
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(RawClient.error(failed)).containsEntry("responseStatus", "SERVICE_UNAVAILABLE");
        }
        assertThat(client.loginRaw("12345678", userBody("demo", "demo-password")).statusCode()).isEqualTo(200);
        var stats = emulator.stats();
        assertThat(stats.requests(Endpoint.LOGIN)).isEqualTo(3);
        assertThat(stats.status(503)).isEqualTo(2);
    }

    @Test
    void statusFaultWithoutRetryAfterSendsNone() {
        emulator.inject(Fault.status(Endpoint.CSDS, 500, 1));

        var failed = client.get(AGENT_VEP);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void delayFaultAnswersNormallyButLate() {
        emulator.inject(Fault.delay(Endpoint.CSDS, Duration.ofMillis(300), 1));

        long start = System.nanoTime();
        var delayed = client.get(AGENT_VEP);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(delayed.statusCode()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void resetFaultClosesTheConnectionWithoutAnAnswer() {
        client.get(AGENT_VEP);
        emulator.inject(Fault.reset(Endpoint.LOGIN, 1));

        assertThatThrownBy(() -> client.loginRaw("12345678", userBody("demo", "demo-password")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(client.loginRaw("12345678", userBody("demo", "demo-password")).statusCode()).isEqualTo(200);
        var stats = emulator.stats();
        assertThat(stats.requests(Endpoint.LOGIN)).isEqualTo(2);
        assertThat(stats.connections()).as("the reset connection is replaced by a new one").isEqualTo(2);
        assertThat(stats.activeSessions()).isEqualTo(1);
    }

    @Test
    void resetOfAnIdempotentGetOnAReusedConnectionIsRetriedOnceByTheJdkClient() {
        client.get(AGENT_VEP);
        // The JDK client silently retries a GET once when a pooled connection closes before any answer byte:
        // two resets are needed to make it give up.
        emulator.inject(Fault.reset(Endpoint.CSDS, 2));

        assertThatThrownBy(() -> client.get(AGENT_VEP)).isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.stats().requests(Endpoint.CSDS)).isEqualTo(3);
    }

    @Test
    void malformedFaultAnswers200WithBrokenJson() {
        emulator.inject(Fault.malformed(Endpoint.LOGIN, 1));

        var broken = client.loginRaw("12345678", userBody("demo", "demo-password"));

        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThatThrownBy(() -> RawClient.json(broken.body())).isInstanceOf(JsonbException.class);
        assertThat(emulator.stats().activeSessions()).as("no session behind a broken answer").isZero();
    }

    @Test
    void faultsHitOnlyTheirEndpointInInjectionOrder() {
        var login = client.loginDemo();
        emulator.inject(Fault.status(Endpoint.REFRESH, 502, 1));
        emulator.inject(Fault.status(Endpoint.REFRESH, 504, 1));

        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
        assertThat(client.refresh(login).statusCode()).isEqualTo(502);
        assertThat(client.refresh(login).statusCode()).isEqualTo(504);
        assertThat(client.refresh(login).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutFaultsLeaveTheSessionAlive() {
        var login = client.loginDemo();
        emulator.inject(Fault.status(Endpoint.LOGOUT, 503, 1));

        assertThat(client.logout(login).statusCode()).isEqualTo(503);
        assertThat(emulator.isBearerValid(login.bearer())).isTrue();
    }

    @Test
    void clearFaultsCancelsWhatIsPlanned() {
        emulator.inject(Fault.status(Endpoint.CSDS, 503, 5));

        emulator.clearFaults();

        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsOverHttpFollowTheSameRules() {
        var added = client.post("/_emulator/faults", "{\"endpoint\":\"csds\",\"mode\":\"status\",\"status\":503,"
                + "\"retryAfterSeconds\":5,\"times\":2}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(RawClient.json(added.body())).hasEntrySatisfying("pendingFaults",
                pending -> assertThat(pending.toString()).isEqualTo("2"));

        var failed = client.get(AGENT_VEP);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");

        var cleared = client.send(HttpRequest.newBuilder(client.uri("/_emulator/faults")).DELETE());
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
    }

    @Test
    void everyModeCanBeInjectedOverHttp() {
        client.post("/_emulator/faults", "{\"endpoint\":\"csds\",\"mode\":\"delay\",\"delayMs\":50}");
        client.post("/_emulator/faults", "{\"endpoint\":\"csds\",\"mode\":\"malformed\"}");
        client.post("/_emulator/faults", "{\"endpoint\":\"login\",\"mode\":\"reset\"}");

        long start = System.nanoTime();
        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(client.get(AGENT_VEP).body()).doesNotEndWith("}");
        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.loginRaw("12345678", userBody("demo", "demo-password")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void invalidFaultsOverHttpAre400WithAReason() {
        String[] invalid = {
            "{\"endpoint\":\"nope\",\"mode\":\"status\",\"status\":503}",
            "{\"endpoint\":\"csds\",\"mode\":\"explode\"}",
            "{\"endpoint\":\"csds\",\"mode\":\"status\"}",
            "{\"endpoint\":\"csds\",\"mode\":\"status\",\"status\":200}",
            "{\"endpoint\":\"csds\",\"mode\":\"delay\"}",
            "{\"endpoint\":\"csds\",\"mode\":\"reset\",\"times\":0}",
            "{\"mode\":\"reset\"}",
            "not json"};
        for (String body : invalid) {
            var response = client.post("/_emulator/faults", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat((String) RawClient.error(response).get("message")).as(body).isNotBlank();
        }
        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
    }
}
