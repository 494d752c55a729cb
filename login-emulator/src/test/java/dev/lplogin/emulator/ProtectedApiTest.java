package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The protected Account Configuration skills API: a live bearer of that account or 401/403, revisions in
 * {@code ETag}/{@code If-Match}, refused writes never applied, faults, stats and the header-names-only request log.
 */
class ProtectedApiTest extends EmulatorTestBase {

    private static final String SKILLS = "/api/account/12345678/configuration/le-users/skills";

    private static HttpRequest.Builder list(String bearer) {
        return HttpRequest.newBuilder(client.uri(SKILLS + "?v=2.0")).header("Authorization", "Bearer " + bearer);
    }

    private static HttpRequest.Builder create(String bearer, String ifMatch, String name) {
        return client.jsonPost(SKILLS + "?v=2.0", "{\"name\":\"" + name + "\"}")
                .header("Authorization", "Bearer " + bearer).header("If-Match", ifMatch);
    }

    private static HttpResponse<String> createAtCurrentRevision(String bearer, String name) {
        String etag = client.send(list(bearer)).headers().firstValue("ETag").orElseThrow();
        return client.send(create(bearer, etag, name));
    }

    @Test
    void domainApiListsBothAccountConfigServicesOnTheEmulatorsOwnHost() {
        for (String service : List.of("accountConfigReadOnly", "accountConfigReadWrite")) {
            var answer = client.get("/api/account/12345678/service/" + service + "/baseURI.json?version=1.0");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(RawClient.json(answer.body())).containsEntry("baseURI", emulator.authority());
        }
    }

    @Test
    void aLiveBearerListsAndCreatesSkillsAndEachWriteMovesTheRevision() {
        String bearer = client.loginDemo().bearer();

        var empty = client.send(list(bearer));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo("[]");
        assertThat(empty.headers().firstValue("ETag")).hasValue("\"1\"");

        var created = client.send(create(bearer, "\"1\"", "billing"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(RawClient.json(created.body())).containsEntry("name", "billing");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"2\"");
        // a bare revision and the v parameter's absence are accepted too
        var second = client.send(client.jsonPost(SKILLS, "{\"name\":\"sales\"}")
                .header("Authorization", "Bearer " + bearer).header("If-Match", "2"));
        assertThat(second.statusCode()).isEqualTo(201);

        var listed = client.send(list(bearer));
        assertThat(listed.body()).contains("\"billing\"", "\"sales\"");
        assertThat(listed.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(emulator.skillNames("12345678")).containsExactly("billing", "sales");
    }

    @Test
    void aWriteNeedsTheCurrentRevisionAndAStaleOneChangesNothing() {
        String bearer = client.loginDemo().bearer();
        assertThat(createAtCurrentRevision(bearer, "billing").statusCode()).isEqualTo(201);

        var stale = client.send(create(bearer, "\"1\"", "sales"));
        var missing = client.send(client.jsonPost(SKILLS, "{\"name\":\"support\"}")
                .header("Authorization", "Bearer " + bearer));
        var duplicate = client.send(create(bearer, "*", "billing"));

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(RawClient.error(stale)).containsEntry("responseStatus", "PRECONDITION_FAILED");
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(emulator.skillNames("12345678")).containsExactly("billing");
        assertThat(client.send(create(bearer, "*", "sales")).statusCode()).isEqualTo(201);
    }

    @Test
    void noUnknownExpiredKilledOrLoggedOutBearerIsAcceptedAndTheirWritesAreNotApplied() {
        var loggedOut = client.loginDemo();
        client.logout(loggedOut);
        var killed = client.loginDemo();
        emulator.expireSessions(DemoAccount.ACCOUNT_ID, DemoAccount.USERNAME);
        var expired = client.loginDemo();
        emulator.advanceClock(Duration.ofHours(1));
        var answers = new java.util.ArrayList<HttpResponse<String>>();
        for (String bearer : List.of("0123456789abcdef", loggedOut.bearer(), killed.bearer(), expired.bearer())) {
            answers.add(client.send(list(bearer)));
            answers.add(client.send(create(bearer, "*", "never")));
        }
        answers.add(client.send(HttpRequest.newBuilder(client.uri(SKILLS))));
        answers.add(client.send(HttpRequest.newBuilder(client.uri(SKILLS)).header("Authorization", "Basic eA==")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer "));
        });
        assertThat(answers.get(0).headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
        assertThat(emulator.skillNames("12345678")).isEmpty();
    }

    @Test
    void anotherAccountsBearerIs403AndItsWriteIsNotApplied() {
        try (var two = LoginEmulator.start(EmulatorConfig.defaults().plusAccounts(List.of(new EmulatorAccount(
                "87654321", List.of(EmulatorUser.withPassword("alice", "alice-password"))))))) {
            var other = new RawClient(two);
            String alices = other.login("87654321", RawClient.userBody("alice", "alice-password")).bearer();
            var read = other.send(HttpRequest.newBuilder(other.uri(SKILLS)).header("Authorization", "Bearer " + alices));
            var write = other.send(other.jsonPost(SKILLS, "{\"name\":\"x\"}")
                    .header("Authorization", "Bearer " + alices).header("If-Match", "*"));

            assertThat(read.statusCode()).isEqualTo(403);
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(write.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\"");
            assertThat(two.skillNames("12345678")).isEmpty();
            assertThat(two.skillNames("87654321")).isEmpty();
        }
    }

    @Test
    void faultsHitEachProtectedEndpointAndAFaultedWriteIsNotApplied() {
        String bearer = client.loginDemo().bearer();
        emulator.inject(Fault.status(Endpoint.CREATE_SKILL, 503, 1));
        emulator.inject(Fault.status(Endpoint.LIST_SKILLS, 500, 1));

        assertThat(client.send(create(bearer, "*", "billing")).statusCode()).isEqualTo(503);
        assertThat(client.send(list(bearer)).statusCode()).isEqualTo(500);
        assertThat(client.send(list(bearer)).statusCode()).isEqualTo(200);
        assertThat(emulator.skillNames("12345678")).isEmpty();

        var stats = emulator.stats();
        assertThat(stats.requests(Endpoint.LIST_SKILLS)).isEqualTo(2);
        assertThat(stats.requests(Endpoint.CREATE_SKILL)).isEqualTo(1);
    }

    @Test
    void faultsOnProtectedEndpointsCanBeInjectedOverHttpAndStatsNameThem() {
        var injected = client.post("/_emulator/faults", "{\"endpoint\":\"create-skill\",\"mode\":\"status\","
                + "\"status\":502}");
        assertThat(injected.statusCode()).isEqualTo(200);
        String bearer = client.loginDemo().bearer();
        assertThat(client.send(create(bearer, "*", "billing")).statusCode()).isEqualTo(502);

        @SuppressWarnings("unchecked")
        var requests = (Map<String, Object>) RawClient.json(client.get("/_emulator/stats").body()).get("requests");
        assertThat(requests).containsEntry("create-skill", java.math.BigDecimal.ONE)
                .containsEntry("list-skills", java.math.BigDecimal.ZERO);
    }

    @Test
    void theRequestLogListsHeaderNamesButNeverValues() {
        String bearer = client.loginDemo().bearer();
        client.send(list(bearer).header("X-Trace", "trace-value-42"));
        client.send(create(bearer, "*", "billing"));
        client.get("/api/account/12345678/service/agentVep/baseURI.json?version=1.0");   // not a protected API

        var entries = emulator.apiRequests();
        assertThat(entries).extracting(RecordedApiRequest::endpoint)
                .containsExactly(Endpoint.LIST_SKILLS, Endpoint.CREATE_SKILL);
        assertThat(entries.get(0).headerNames()).contains("authorization", "x-trace").doesNotHaveDuplicates();
        assertThat(entries.get(0).query()).hasValue("v=2.0");
        assertThat(entries.get(1).status()).isEqualTo(201);

        var overHttp = client.get("/_emulator/api-requests");
        assertThat(overHttp.statusCode()).isEqualTo(200);
        assertThat(overHttp.body()).contains("\"method\":\"POST\"", "\"status\":201", "\"if-match\"", "\"x-trace\"")
                .doesNotContain(bearer, "trace-value-42", "Bearer");

        emulator.reset();
        assertThat(emulator.apiRequests()).isEmpty();
    }
}
