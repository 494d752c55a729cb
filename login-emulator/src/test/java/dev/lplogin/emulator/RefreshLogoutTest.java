package dev.lplogin.emulator;

import static dev.lplogin.emulator.RawClient.csrfBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** spec §3.2, §3.3, §3.5: cookie + csrf, the csrf-mismatch body, idle and absolute expiry, bearer validity. */
class RefreshLogoutTest extends EmulatorTestBase {

    private static final String REFRESH = "/api/account/12345678/refresh";
    private static final String LOGOUT = "/api/account/12345678/logout";

    @Test
    void refreshAnswers200EmptyAndReSetsTheCookie() {
        var login = client.loginDemo();

        var response = client.refresh(login);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith(login.cookie() + ";"));
    }

    @Test
    void cookieRoundTripThroughAStandardCookieJar() throws Exception {
        // A client that keeps cookies the usual way (a CookieManager) must get through refresh and logout.
        var jarClient = HttpClient.newBuilder().sslContext(emulator.sslContext())
                .cookieHandler(new CookieManager()).build();
        var login = jarClient.send(client.jsonPost("/api/account/12345678/login?v=1.3",
                RawClient.userBody("demo", "demo-password")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = (String) RawClient.json(login.body()).get("csrf");

        var refresh = jarClient.send(client.jsonPost(REFRESH, csrfBody(csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        var logout = jarClient.send(client.jsonPost(LOGOUT, csrfBody(csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        var afterLogout = jarClient.send(client.jsonPost(REFRESH, csrfBody(csrf)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(afterLogout.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?v=1.3", "?v=1.2", "?v=anything"})
    void anyOrNoVersionIsAccepted(String query) {
        var login = client.loginDemo();

        assertThat(client.postWithCookie(REFRESH + query, login.cookie(), csrfBody(login.csrf())).statusCode())
                .isEqualTo(200);
        assertThat(client.postWithCookie(LOGOUT + query, login.cookie(), csrfBody(login.csrf())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void csrfMismatchIsTheDocumented401Body() {
        var login = client.loginDemo();

        for (String path : new String[] {REFRESH, LOGOUT}) {
            var response = client.postWithCookie(path, login.cookie(), csrfBody("0".repeat(64)));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(RawClient.error(response))
                    .containsEntry("message", "CSRF token invalid! The CSRF token on request does not match the "
                            + "CSRF token on the session")
                    .containsEntry("responseStatus", "UNAUTHORIZED")
                    .hasEntrySatisfying("internalCode", code -> assertThat(code.toString()).isEqualTo("10"))
                    .hasEntrySatisfying("time", time -> assertThat((String) time)
                            .matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M"));
        }
        assertThat(emulator.isBearerValid(login.bearer())).as("a failed logout leaves the session").isTrue();
    }

    @Test
    void logoutKillsTheSessionAndItsBearer() {
        var login = client.loginDemo();
        assertThat(emulator.isBearerValid(login.bearer())).isTrue();

        assertThat(client.logout(login).statusCode()).isEqualTo(200);

        assertThat(emulator.isBearerValid(login.bearer())).isFalse();
        assertThat(client.refresh(login).statusCode()).isEqualTo(401);
        assertThat(client.logout(login).statusCode()).as("second logout").isEqualTo(401);
        assertThat(emulator.stats().activeSessions()).isZero();
    }

    @Test
    void unknownOrMissingSessionIs401() {
        var unknown = client.postWithCookie(REFRESH, "Session_id=nope", csrfBody("0".repeat(64)));
        var missing = client.post(REFRESH, csrfBody("0".repeat(64)));

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(RawClient.error(unknown)).containsEntry("responseStatus", "UNAUTHORIZED");
        assertThat(missing.statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionOfAnotherAccountIsUnknownHere() {
        var login = client.loginDemo();

        var response = client.postWithCookie("/api/account/87654321/refresh", login.cookie(),
                csrfBody(login.csrf()));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void findsTheSessionCookieAmongOtherCookies() {
        var login = client.loginDemo();

        var response = client.postWithCookie(REFRESH, "other=1; " + login.cookie() + "; more=2",
                csrfBody(login.csrf()));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"csrf\":", "[\"csrf\"]"})
    void malformedBodyIs400(String body) {
        var login = client.loginDemo();

        assertThat(client.postWithCookie(REFRESH, login.cookie(), body).statusCode()).isEqualTo(400);
    }

    @Test
    void idleSessionsExpireAfter30MinutesWithoutRefresh() {
        var login = client.loginDemo();

        emulator.advanceClock(Duration.ofMinutes(29));
        assertThat(client.refresh(login).statusCode()).isEqualTo(200);
        emulator.advanceClock(Duration.ofMinutes(29));
        assertThat(emulator.isBearerValid(login.bearer())).as("refreshed 29 min ago").isTrue();
        emulator.advanceClock(Duration.ofMinutes(1));

        assertThat(emulator.isBearerValid(login.bearer())).isFalse();
        assertThat(client.refresh(login).statusCode()).isEqualTo(401);
        assertThat(emulator.stats().activeSessions()).isZero();
    }

    @Test
    void sessionsDieAfter8HoursEvenWhenRefreshed() {
        var login = client.loginDemo();

        for (int i = 0; i < 16; i++) {
            emulator.advanceClock(Duration.ofMinutes(29).plusSeconds(59));
            assertThat(client.refresh(login).statusCode()).as("refresh %d", i).isEqualTo(200);
        }
        emulator.advanceClock(Duration.ofMinutes(20));

        assertThat(client.refresh(login).statusCode()).isEqualTo(401);
        assertThat(emulator.isBearerValid(login.bearer())).isFalse();
    }

    @Test
    void expiryTimesAreConfigurable() {
        var config = EmulatorConfig.defaults().withIdleTimeout(Duration.ofSeconds(10))
                .withMaxSessionAge(Duration.ofSeconds(15));
        try (var quick = LoginEmulator.start(config)) {
            var quickClient = new RawClient(quick);
            var idle = quickClient.loginDemo();
            quick.advanceClock(Duration.ofSeconds(10));
            assertThat(quick.isBearerValid(idle.bearer())).isFalse();

            var refreshed = quickClient.loginDemo();
            quick.advanceClock(Duration.ofSeconds(9));
            assertThat(quickClient.refresh(refreshed).statusCode()).isEqualTo(200);
            quick.advanceClock(Duration.ofSeconds(6));
            assertThat(quickClient.refresh(refreshed).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void sessionsCanBeExpiredOnDemand() {
        var demo = client.loginDemo();
        var bot = client.login("12345678", "{\"username\":\"demo-bot\",\"appKey\":\"demo-client\","
                + "\"secret\":\"demo-secret\",\"accessToken\":\"dummy\",\"accessTokenSecret\":\"dummy\"}");

        assertThat(emulator.expireSessions("12345678", "demo")).isEqualTo(1);
        assertThat(client.refresh(demo).statusCode()).isEqualTo(401);
        assertThat(emulator.isBearerValid(bot.bearer())).isTrue();

        assertThat(emulator.expireSessions()).isEqualTo(1);
        assertThat(emulator.isBearerValid(bot.bearer())).isFalse();
    }

    @Test
    void refreshAndLogoutAreOnlyPost() {
        var response = client.send(HttpRequest.newBuilder(client.uri(REFRESH)).GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(RawClient.error(response)).containsEntry("responseStatus", "METHOD_NOT_ALLOWED");
    }
}
