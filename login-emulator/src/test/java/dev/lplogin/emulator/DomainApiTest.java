package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** spec §2: both shapes, both prefixes, the version parameter, unknown accounts and services. */
class DomainApiTest extends EmulatorTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/csdr"})
    void singleServicePointsBackAtTheEmulator(String prefix) {
        var response = client.get(prefix + "/account/12345678/service/agentVep/baseURI.json?version=1.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(RawClient.json(response.body())).containsExactly(
                Map.entry("service", "agentVep"), Map.entry("account", "12345678"),
                Map.entry("baseURI", emulator.authority()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/csdr"})
    @SuppressWarnings("unchecked")
    void allServicesListARealisticHandfulAllOnTheEmulator(String prefix) {
        var response = client.get(prefix + "/account/12345678/service/baseURI.json?version=1.0");

        assertThat(response.statusCode()).isEqualTo(200);
        var entries = (List<Map<String, Object>>) RawClient.json(response.body()).get("baseURIs");
        assertThat(entries).extracting(entry -> entry.get("service"))
                .contains("agentVep", "sentinel", "asyncMessagingEnt", "accountConfigReadOnly", "msgHist")
                .doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("account")).isEqualTo("12345678");
            assertThat(entry.get("baseURI")).isEqualTo(emulator.authority());
        });
    }

    @Test
    void authorityIsTheLoopbackHostAndPort() {
        assertThat(emulator.authority()).isEqualTo("127.0.0.1:" + emulator.port());
        assertThat(emulator.baseUrl().toString()).isEqualTo("https://" + emulator.authority());
    }

    @Test
    void unknownAccountIs404WithAJsonErrorBody() {
        var response = client.get("/api/account/99999999/service/agentVep/baseURI.json?version=1.0");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "NOT_FOUND")
                .containsKeys("time", "message", "internalCode");
        assertThat(client.get("/api/account/99999999/service/baseURI.json?version=1.0").statusCode())
                .isEqualTo(404);
    }

    @Test
    void unknownServiceOfAKnownAccountIs404AndNamesAreCaseSensitive() {
        assertThat(client.get("/api/account/12345678/service/noSuchService/baseURI.json?version=1.0").statusCode())
                .isEqualTo(404);
        assertThat(client.get("/api/account/12345678/service/agentvep/baseURI.json?version=1.0").statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?version=2.0", "?v=1.0"})
    void missingOrWrongVersionIs400(String query) {
        var response = client.get("/api/account/12345678/service/agentVep/baseURI.json" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) RawClient.error(response).get("message")).contains("version=1.0");
    }
}
