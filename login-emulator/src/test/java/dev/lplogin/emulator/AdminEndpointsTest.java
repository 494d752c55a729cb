package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code /_emulator/} controls over HTTP, and the generic 404/405/413 answers (spec §3.6). */
class AdminEndpointsTest extends EmulatorTestBase {

    private static final String AGENT_VEP = "/api/account/12345678/service/agentVep/baseURI.json?version=1.0";

    @Test
    @SuppressWarnings("unchecked")
    void statsCountRequestsStatusesSessionsAndConnections() {
        var login = client.loginDemo();
        client.refresh(login);
        client.get(AGENT_VEP);
        client.loginRaw("12345678", RawClient.userBody("demo", "wrong"));

        var response = client.get("/_emulator/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        var stats = RawClient.json(response.body());
        assertThat(stats.keySet()).containsExactly("requests", "statuses", "activeSessions", "connections");
        assertThat(response.body()).startsWith("{\"requests\":{\"csds\":");
        assertThat(numbers((Map<String, Object>) stats.get("requests")))
                .containsOnly(Map.entry("csds", 1L), Map.entry("login", 2L), Map.entry("refresh", 1L),
                        Map.entry("logout", 0L), Map.entry("list-skills", 0L), Map.entry("create-skill", 0L));
        assertThat(numbers((Map<String, Object>) stats.get("statuses")))
                .containsOnly(Map.entry("200", 3L), Map.entry("401", 1L));
        assertThat(stats.get("activeSessions").toString()).isEqualTo("1");
        assertThat(stats.get("connections").toString()).isEqualTo("1");
    }

    @Test
    void connectionsShowWhetherClientsReuseThem() {
        for (int i = 0; i < 20; i++) {
            client.get(AGENT_VEP);
        }
        assertThat(emulator.stats().connections()).isEqualTo(1);

        new RawClient(emulator).get(AGENT_VEP);

        assertThat(emulator.stats().connections()).isEqualTo(2);
        assertThat(emulator.stats().requests(Endpoint.CSDS)).isEqualTo(21);
    }

    @Test
    void adminRequestsAreNotCounted() {
        client.get("/_emulator/stats");
        client.post("/_emulator/clock", "{\"advanceSeconds\":0}");

        var stats = emulator.stats();
        assertThat(stats.statuses()).isEmpty();
        assertThat(stats.requests().values()).containsOnly(0L);
        assertThat(stats.connections()).isZero();
    }

    @Test
    void expireOverHttpForAllOneAccountOrOneUser() {
        var demo = client.loginDemo();
        var bot = client.login("12345678", "{\"username\":\"demo-bot\",\"appKey\":\"demo-client\","
                + "\"secret\":\"demo-secret\",\"accessToken\":\"dummy\",\"accessTokenSecret\":\"dummy\"}");

        var one = client.post("/_emulator/sessions/expire", "{\"account\":\"12345678\",\"username\":\"demo\"}");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(RawClient.json(one.body()).get("expired").toString()).isEqualTo("1");
        assertThat(emulator.isBearerValid(demo.bearer())).isFalse();
        assertThat(emulator.isBearerValid(bot.bearer())).isTrue();

        var account = client.post("/_emulator/sessions/expire", "{\"account\":\"12345678\"}");
        assertThat(RawClient.json(account.body()).get("expired").toString()).isEqualTo("1");

        client.loginDemo();
        var all = client.send(HttpRequest.newBuilder(client.uri("/_emulator/sessions/expire"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(RawClient.json(all.body()).get("expired").toString()).isEqualTo("1");
        assertThat(emulator.stats().activeSessions()).isZero();
        assertThat(client.post("/_emulator/sessions/expire", "{\"username\":\"demo\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void clockOverHttpMakesIdleSessionsExpire() {
        var login = client.loginDemo();

        var clock = client.post("/_emulator/clock", "{\"advanceSeconds\":1800}");

        assertThat(clock.statusCode()).isEqualTo(200);
        assertThat(RawClient.json(clock.body()).get("offsetSeconds").toString()).isEqualTo("1800");
        assertThat(client.refresh(login).statusCode()).isEqualTo(401);
        assertThat(client.post("/_emulator/clock", "{\"advanceSeconds\":-1}").statusCode()).isEqualTo(400);
        assertThat(client.post("/_emulator/clock", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void resetOverHttpForgetsEverything() {
        var login = client.loginDemo();
        emulator.inject(Fault.status(Endpoint.CSDS, 503, 3));
        emulator.advanceClock(java.time.Duration.ofHours(1));

        var reset = client.post("/_emulator/reset", "");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(emulator.isBearerValid(login.bearer())).isFalse();
        assertThat(emulator.now()).isBefore(java.time.Instant.now().plusSeconds(60));
        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nope", "/api/account/12345678/unknown", "/api/account/12345678/login/extra",
        "/_emulator/nope", "/api/account/123%2F45/login"})
    void unknownPathsAre404WithAJsonBody(String path) {
        var response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "NOT_FOUND");
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        var getLogin = client.get("/api/account/12345678/login?v=1.3");
        var postCsds = client.post(AGENT_VEP, "{}");
        var putStats = client.send(HttpRequest.newBuilder(client.uri("/_emulator/stats"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        var getFaults = client.get("/_emulator/faults");

        assertThat(getLogin.statusCode()).isEqualTo(405);
        assertThat(getLogin.headers().firstValue("Allow")).hasValue("POST");
        assertThat(RawClient.error(getLogin)).containsEntry("responseStatus", "METHOD_NOT_ALLOWED");
        assertThat(postCsds.statusCode()).isEqualTo(405);
        assertThat(putStats.statusCode()).isEqualTo(405);
        assertThat(getFaults.headers().firstValue("Allow")).hasValue("POST, DELETE");
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "{\"username\":\"" + "x".repeat(70_000) + "\",\"password\":\"p\"}";

        var response = client.loginRaw("12345678", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "PAYLOAD_TOO_LARGE");
        assertThat(client.loginDemo().bearer()).isNotBlank();
    }

    @Test
    void oversizedChunkedBodiesAre413Too() {
        byte[] huge = new byte[70_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge));

        var response = client.send(client.jsonPost("/api/account/12345678/login?v=1.3", "")
                .POST(chunked));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private static Map<String, Long> numbers(Map<String, Object> map) {
        var result = new java.util.LinkedHashMap<String, Long>();
        map.forEach((key, value) -> result.put(key, Long.parseLong(value.toString())));
        return result;
    }
}
