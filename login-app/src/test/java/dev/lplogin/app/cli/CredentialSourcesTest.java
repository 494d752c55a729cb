package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets come from the environment or stdin, never argv; incomplete sets are usage errors naming what is missing. */
class CredentialSourcesTest {

    @Test
    void a_user_password_comes_from_the_environment_or_the_first_line_of_stdin() {
        assertThat(sources(Map.of("LP_PASSWORD", "pw"), "").forLogin(user(false)))
                .isEqualTo(new Credentials.UserPassword("bob", Secret.of("pw")));
        assertThat(sources(Map.of("LP_PASSWORD", "ignored"), "from-stdin\nrest\n").forLogin(user(true)))
                .isEqualTo(new Credentials.UserPassword("bob", Secret.of("from-stdin")));
    }

    @Test
    void an_oauth2_bot_is_chosen_by_flag_or_environment() {
        Credentials byFlag = sources(Map.of("LP_CLIENT_SECRET", "cs"), "")
                .forLogin(new CredentialSources.LoginRequest("bot", "cid", null, false, false));
        Credentials byEnv = sources(Map.of("LP_CLIENT_ID", "cid", "LP_CLIENT_SECRET", "cs"), "").forLogin(user(false));
        Credentials secretFromStdin = sources(Map.of(), "cs\n")
                .forLogin(new CredentialSources.LoginRequest("bot", "cid", null, false, true));

        Credentials expected = new Credentials.OAuth2Client("bot", "cid", Secret.of("cs"));
        assertThat(byFlag).isEqualTo(expected);
        assertThat(byEnv).isEqualTo(new Credentials.OAuth2Client("bob", "cid", Secret.of("cs")));
        assertThat(secretFromStdin).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("deprecation")
    void a_legacy_bot_needs_all_four_values() {
        Map<String, String> env = Map.of("LP_APP_SECRET", "as", "LP_ACCESS_TOKEN", "at",
                "LP_ACCESS_TOKEN_SECRET", "ats");

        assertThat(sources(env, "").forLogin(new CredentialSources.LoginRequest("bot", null, "key", false, false)))
                .isEqualTo(new Credentials.LegacyOAuth1("bot", "key", Secret.of("as"), Secret.of("at"),
                        Secret.of("ats")));
        assertThatThrownBy(() -> sources(Map.of("LP_APP_KEY", "key"), "").fromEnvironment("bot"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("LP_APP_SECRET, LP_ACCESS_TOKEN, LP_ACCESS_TOKEN_SECRET");
    }

    @Test
    void the_environment_alone_gives_credentials_for_self_login_with_oauth2_first() {
        assertThat(sources(Map.of(), "").fromEnvironment("bob")).isEmpty();
        assertThat(sources(Map.of("LP_PASSWORD", "pw"), "").fromEnvironment("bob"))
                .contains(new Credentials.UserPassword("bob", Secret.of("pw")));
        assertThat(sources(Map.of("LP_PASSWORD", "pw", "LP_CLIENT_ID", "c", "LP_CLIENT_SECRET", "s"), "")
                .fromEnvironment("bob")).contains(new Credentials.OAuth2Client("bob", "c", Secret.of("s")));
        assertThatThrownBy(() -> sources(Map.of("LP_CLIENT_ID", "c"), "").fromEnvironment("bob"))
                .isInstanceOf(CliException.class).hasMessageContaining("LP_CLIENT_SECRET");
    }

    @Test
    void empty_stdin_is_a_usage_error_not_an_empty_password() {
        assertThatThrownBy(() -> sources(Map.of(), "").forLogin(user(true)))
                .isInstanceOfSatisfying(CliException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("no password on standard input");
    }

    @Test
    void messages_never_contain_a_secret() {
        assertThatThrownBy(() -> sources(Map.of("LP_CLIENT_ID", "cid", "LP_PASSWORD", "hunter2"), "")
                .forLogin(user(false)))
                .hasMessageNotContaining("hunter2");
    }

    private static CredentialSources.LoginRequest user(boolean passwordStdin) {
        return new CredentialSources.LoginRequest("bob", null, null, passwordStdin, false);
    }

    private static CredentialSources sources(Map<String, String> env, String stdin) {
        return new CredentialSources(env,
                new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null));
    }
}
