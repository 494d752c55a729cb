package dev.lplogin.emulator;

import static dev.lplogin.emulator.RawClient.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** spec §3.1: the three login kinds, the full answer, and every documented error. */
class LoginTest extends EmulatorTestBase {

    private static final String HEX64 = "[0-9a-f]{64}";
    private static final String OAUTH2_BODY = "{\"username\":\"demo-bot\",\"appKey\":\"demo-client\","
            + "\"secret\":\"demo-secret\",\"accessToken\":\"dummy\",\"accessTokenSecret\":\"dummy\"}";
    private static final String OAUTH1_BODY = "{\"username\":\"legacy-bot\",\"appKey\":\"legacy-key\","
            + "\"secret\":\"legacy-secret\",\"accessToken\":\"legacy-token\","
            + "\"accessTokenSecret\":\"legacy-token-secret\"}";

    @Test
    @SuppressWarnings("unchecked")
    void userLoginAnswersTheFullDocumentedBody() {
        var response = client.loginRaw("12345678", userBody("demo", "demo-password"));

        assertThat(response.statusCode()).isEqualTo(200);
        var body = RawClient.json(response.body());
        assertThat(body.keySet()).containsExactly(
                "csrf", "wsuk", "config", "csdsCollectionResponse", "accountData", "sessionTTl", "bearer");
        assertThat((String) body.get("csrf")).matches(HEX64);
        assertThat((String) body.get("bearer")).matches(HEX64).isNotEqualTo(body.get("csrf"));
        assertThat((String) body.get("wsuk")).matches("[0-9]+");
        assertThat(body.get("sessionTTl")).isEqualTo("28800000");
        var config = (Map<String, Object>) body.get("config");
        assertThat(config).containsEntry("loginName", "demo")
                .containsKeys("userPid", "userPrivileges", "serverCurrentTime", "isLPA", "isAdmin",
                        "accountTimeZoneId");
        assertThat(config.get("userId")).isInstanceOf(String.class);
        var services = (List<Map<String, Object>>) ((Map<String, Object>) body.get("csdsCollectionResponse"))
                .get("baseURIs");
        assertThat(services).contains(Map.of("service", "agentVep", "account", "12345678",
                "baseURI", emulator.authority()));
        assertThat(response.body()).contains("\"agentGroupsData\"");
    }

    @Test
    void loginSetsASecureHttpOnlySessionCookieOverHttps() {
        var response = client.loginRaw("12345678", userBody("demo", "demo-password"));

        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .matches("Session_id=[^;]+; Path=/; Secure; HttpOnly"));
    }

    @Test
    void everyLoginGetsFreshTokensAndAStableUserId() {
        var first = client.loginDemo();
        var second = client.loginDemo();

        assertThat(second.bearer()).isNotEqualTo(first.bearer());
        assertThat(second.csrf()).isNotEqualTo(first.csrf());
        assertThat(second.cookie()).isNotEqualTo(first.cookie());
        assertThat(userId(second)).isEqualTo(userId(first));
    }

    @Test
    void oauth2ClientCredentialsLogIn() {
        var login = client.login("12345678", OAUTH2_BODY);

        assertThat(login.bearer()).matches(HEX64);
        assertThat(emulator.isBearerValid(login.bearer())).isTrue();
    }

    @Test
    void legacyOauth1KeysLogIn() {
        var login = client.login("12345678", OAUTH1_BODY);

        assertThat(emulator.isBearerValid(login.bearer())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2", "1.3"})
    void acceptsDocumentedVersions(String version) {
        var response = client.post("/api/account/12345678/login?v=" + version, userBody("demo", "demo-password"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?v=1.0", "?v=1.4", "?version=1.3", "?v=1.3x"})
    void wrongOrMissingVersionIs400(String query) {
        var response = client.post("/api/account/12345678/login" + query, userBody("demo", "demo-password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "null", "{\"username\":\"demo\"", "{\"password\":\"demo-password\"}",
        "{\"username\":\" \",\"password\":\"x\"}", "{\"username\":\"demo\"}",
        "{\"username\":\"demo-bot\",\"appKey\":\"demo-client\",\"secret\":\"demo-secret\"}",
        "{\"username\":\"demo\",\"password\":\"demo-password\",\"appKey\":\"k\"}"})
    void malformedBodiesAre400WithoutEchoingSecrets(String body) {
        var response = client.loginRaw("12345678", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "BAD_REQUEST");
        assertThat(response.body()).doesNotContain("demo-password", "demo-secret");
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIs415() {
        var response = client.send(client.jsonPost("/api/account/12345678/login?v=1.3",
                userBody("demo", "demo-password")).setHeader("Content-Type", "text/plain"));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"username\":\"demo\",\"password\":\"wrong\"}",
        "{\"username\":\"nobody\",\"password\":\"demo-password\"}",
        "{\"username\":\"demo-bot\",\"appKey\":\"demo-client\",\"secret\":\"wrong\",\"accessToken\":\"dummy\","
                + "\"accessTokenSecret\":\"dummy\"}",
        "{\"username\":\"demo\",\"appKey\":\"demo-client\",\"secret\":\"demo-secret\",\"accessToken\":\"dummy\","
                + "\"accessTokenSecret\":\"dummy\"}",
        "{\"username\":\"legacy-bot\",\"appKey\":\"legacy-key\",\"secret\":\"legacy-secret\","
                + "\"accessToken\":\"legacy-token\",\"accessTokenSecret\":\"wrong\"}",
        "{\"username\":\"legacy-bot\",\"appKey\":\"legacy-key\",\"secret\":\"legacy-secret\","
                + "\"accessToken\":\"dummy\",\"accessTokenSecret\":\"dummy\"}"})
    void wrongCredentialsAre401(String body) {
        var response = client.loginRaw("12345678", body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "UNAUTHORIZED");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void unknownAccountIs401() {
        assertThat(client.loginRaw("99999999", userBody("demo", "demo-password")).statusCode()).isEqualTo(401);
    }

    @Test
    void blockedUserIs451ButOnlyWithTheRightPassword() {
        var blocked = client.loginRaw("12345678", userBody("blocked", "blocked-password"));

        assertThat(blocked.statusCode()).isEqualTo(451);
        assertThat(RawClient.error(blocked)).containsEntry("responseStatus", "UNAVAILABLE_FOR_LEGAL_REASONS");
        assertThat(client.loginRaw("12345678", userBody("blocked", "wrong")).statusCode()).isEqualTo(401);
        assertThat(emulator.stats().activeSessions()).isZero();
    }

    @Test
    void moreThanTheLimitOfLoginsPerWindowIs429WithRetryAfter5() {
        for (int i = 0; i < emulator.config().loginLimit(); i++) {
            client.loginDemo();
        }

        var limited = client.loginRaw("12345678", userBody("demo", "demo-password"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(RawClient.error(limited)).containsEntry("responseStatus", "TOO_MANY_REQUESTS");
        // Other users are not affected; the limited user may log in again once the window has passed.
        assertThat(client.login("12345678", OAUTH2_BODY).bearer()).matches(HEX64);
        emulator.advanceClock(emulator.config().loginWindow());
        assertThat(client.loginDemo().bearer()).matches(HEX64);
    }

    @Test
    void aNewLoginEndsTheSameUsersPreviousSession() {
        var first = client.loginDemo();
        var bot = client.login("12345678", OAUTH2_BODY);

        var second = client.loginDemo();

        assertThat(emulator.isBearerValid(first.bearer())).isFalse();
        assertThat(client.refresh(first).statusCode()).isEqualTo(401);
        assertThat(emulator.isBearerValid(second.bearer())).isTrue();
        assertThat(client.refresh(second).statusCode()).isEqualTo(200);
        assertThat(emulator.isBearerValid(bot.bearer())).as("another user's session").isTrue();
        assertThat(emulator.stats().activeSessions()).isEqualTo(2);
    }

    @Test
    void withSecondLoginAllowedSessionsOfOneUserCoexist() {
        try (var multi = LoginEmulator.start(EmulatorConfig.defaults().withSecondLogin(SecondLogin.ALLOW))) {
            var multiClient = new RawClient(multi);
            var first = multiClient.loginDemo();
            var second = multiClient.loginDemo();

            assertThat(multi.isBearerValid(first.bearer())).isTrue();
            assertThat(multi.isBearerValid(second.bearer())).isTrue();
            assertThat(multi.stats().activeSessions()).isEqualTo(2);
        }
    }

    @Test
    void theLoginLimitAndSessionTtlAreConfigurable() {
        var config = EmulatorConfig.defaults().withHttps(false).withLoginLimit(1, Duration.ofHours(1))
                .withMaxSessionAge(Duration.ofMinutes(90));
        try (var limited = LoginEmulator.start(config)) {
            var limitedClient = new RawClient(limited);
            assertThat(limitedClient.loginDemo().body()).containsEntry("sessionTTl", "5400000");
            assertThat(limitedClient.loginRaw("12345678", userBody("demo", "demo-password")).statusCode())
                    .isEqualTo(429);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object userId(RawClient.Login login) {
        return ((Map<String, Object>) login.body().get("config")).get("userId");
    }
}
