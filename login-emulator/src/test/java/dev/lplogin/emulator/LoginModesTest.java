package dev.lplogin.emulator;

import static dev.lplogin.emulator.RawClient.userBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The optional login behaviours of spec §3.5 and §5: a second login of a live user refused instead of kicking the
 * first session out, and OAuth1 bot logins refused since LivePerson ended them.
 */
class LoginModesTest {

    private static final String OAUTH1_BODY = "{\"username\":\"legacy-bot\",\"appKey\":\"legacy-key\","
            + "\"secret\":\"legacy-secret\",\"accessToken\":\"legacy-token\","
            + "\"accessTokenSecret\":\"legacy-token-secret\"}";
    private static final String OAUTH2_BODY = "{\"username\":\"demo-bot\",\"appKey\":\"demo-client\","
            + "\"secret\":\"demo-secret\",\"accessToken\":\"dummy\",\"accessTokenSecret\":\"dummy\"}";

    @Test
    void refuse_answers_a_second_login_429_until_the_first_session_expires_and_keeps_the_first_alive() {
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withSecondLogin(SecondLogin.REFUSE))) {
            var client = new RawClient(emulator);
            var first = client.loginDemo();
            emulator.advanceClock(Duration.ofMinutes(10));

            var second = client.loginRaw("12345678", userBody("demo", "demo-password"));

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(RawClient.error(second)).containsEntry("responseStatus", "TOO_MANY_REQUESTS");
            assertThat(second.headers().firstValue("Retry-After")).as("the first session idles out in 20 min")
                    .hasValue(Long.toString(Duration.ofMinutes(20).toSeconds()));
            assertThat(emulator.isBearerValid(first.bearer())).isTrue();
            assertThat(client.refresh(first).statusCode()).isEqualTo(200);
            assertThat(emulator.stats().activeSessions()).isEqualTo(1);
            assertThat(client.login("12345678", OAUTH2_BODY).bearer()).as("another user").isNotBlank();
        }
    }

    @Test
    void refuse_lets_the_user_in_again_once_the_first_session_is_logged_out_or_expired() {
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withSecondLogin(SecondLogin.REFUSE))) {
            var client = new RawClient(emulator);
            assertThat(client.logout(client.loginDemo()).statusCode()).isEqualTo(200);
            var again = client.loginDemo();

            emulator.advanceClock(Duration.ofMinutes(31));

            assertThat(emulator.isBearerValid(again.bearer())).isFalse();
            assertThat(client.loginDemo().bearer()).isNotBlank();
        }
    }

    @Test
    void refuse_still_rejects_wrong_credentials_with_401() {
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withSecondLogin(SecondLogin.REFUSE))) {
            var client = new RawClient(emulator);
            client.loginDemo();

            assertThat(client.loginRaw("12345678", userBody("demo", "wrong")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void oauth1_refused_answers_every_oauth1_login_401_and_leaves_other_kinds_alone() {
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withOAuth1Refused(true))) {
            var client = new RawClient(emulator);

            var refused = client.loginRaw("12345678", OAUTH1_BODY);

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(RawClient.error(refused).get("message").toString()).contains("OAuth1", "OAuth2");
            assertThat(client.login("12345678", OAUTH2_BODY).bearer()).isNotBlank();
            assertThat(client.loginDemo().bearer()).isNotBlank();
            assertThat(emulator.stats().activeSessions()).isEqualTo(2);
        }
    }

    @Test
    void by_default_oauth1_logins_still_work() {
        try (var emulator = LoginEmulator.start()) {
            assertThat(new RawClient(emulator).login("12345678", OAUTH1_BODY).bearer()).isNotBlank();
        }
    }

    @Test
    void the_second_login_modes_have_option_values() {
        assertThat(SecondLogin.fromOptionValue("kick-out")).isEqualTo(SecondLogin.KICK_OUT);
        assertThat(SecondLogin.fromOptionValue("refuse")).isEqualTo(SecondLogin.REFUSE);
        assertThat(SecondLogin.REFUSE.optionValue()).isEqualTo("refuse");
        assertThatThrownBy(() -> SecondLogin.fromOptionValue("deny"))
                .hasMessageContaining("kick-out, refuse, allow").hasMessageContaining("deny");
    }
}
