package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Credentials.LegacyOAuth1;
import dev.lplogin.domain.model.Credentials.OAuth2Client;
import dev.lplogin.domain.model.Credentials.UserPassword;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // LegacyOAuth1 is deprecated on purpose (spec §3.1) but still supported
class CredentialsTest {

    private static final Secret S = Secret.of("secret");

    @Test
    void has_exactly_the_three_kinds_of_login_of_spec_3_1() {
        assertThat(Credentials.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(UserPassword.class, OAuth2Client.class, LegacyOAuth1.class);
    }

    @Test
    void every_kind_exposes_its_username() {
        assertThat(new UserPassword("alice", S).username()).isEqualTo("alice");
        assertThat(new OAuth2Client("bot", "client-id", S).username()).isEqualTo("bot");
        assertThat(new LegacyOAuth1("legacy", "app-key", S, S, S).username()).isEqualTo("legacy");
    }

    @Test
    void legacy_oauth1_is_marked_deprecated() {
        assertThat(LegacyOAuth1.class.getAnnotation(Deprecated.class)).isNotNull();
    }

    @Test
    void user_password_validates_username_and_requires_a_password() {
        assertThatThrownBy(() -> new UserPassword(" ", S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must not be blank");
        assertThatThrownBy(() -> new UserPassword("a".repeat(257), S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must be at most 256 characters, got 257");
        assertThatThrownBy(() -> new UserPassword("al\nice", S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must not contain control characters");
        assertThatThrownBy(() -> new UserPassword(null, S)).isInstanceOf(NullPointerException.class)
                .hasMessage("username");
        assertThatThrownBy(() -> new UserPassword("alice", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("password");
        assertThat(new UserPassword("a".repeat(256), S).username()).hasSize(256);
    }

    @Test
    void oauth2_client_validates_username_and_client_id_and_requires_a_secret() {
        assertThatThrownBy(() -> new OAuth2Client("", "id", S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must not be blank");
        assertThatThrownBy(() -> new OAuth2Client("bot", " ", S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client id must not be blank");
        assertThatThrownBy(() -> new OAuth2Client("bot", "i".repeat(257), S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client id must be at most 256 characters, got 257");
        assertThatThrownBy(() -> new OAuth2Client("bot", "id\t", S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client id must not contain control characters");
        assertThatThrownBy(() -> new OAuth2Client("bot", null, S)).isInstanceOf(NullPointerException.class)
                .hasMessage("client id");
        assertThatThrownBy(() -> new OAuth2Client("bot", "id", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("client secret");
    }

    @Test
    void legacy_oauth1_validates_username_and_app_key_and_requires_all_three_secrets() {
        assertThatThrownBy(() -> new LegacyOAuth1(" ", "key", S, S, S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must not be blank");
        assertThatThrownBy(() -> new LegacyOAuth1("bot", "", S, S, S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("app key must not be blank");
        assertThatThrownBy(() -> new LegacyOAuth1("bot", "k".repeat(257), S, S, S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("app key must be at most 256 characters, got 257");
        assertThatThrownBy(() -> new LegacyOAuth1("bot", "key", null, S, S)).isInstanceOf(NullPointerException.class)
                .hasMessage("app secret");
        assertThatThrownBy(() -> new LegacyOAuth1("bot", "key", S, null, S)).isInstanceOf(NullPointerException.class)
                .hasMessage("access token");
        assertThatThrownBy(() -> new LegacyOAuth1("bot", "key", S, S, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("access token secret");
    }

    @Test
    void equal_by_value_including_secrets() {
        assertThat(new UserPassword("alice", Secret.of("pw"))).isEqualTo(new UserPassword("alice", Secret.of("pw")))
                .isNotEqualTo(new UserPassword("alice", Secret.of("other")));
        assertThat(new OAuth2Client("bot", "id", Secret.of("s")))
                .isEqualTo(new OAuth2Client("bot", "id", Secret.of("s")))
                .isNotEqualTo(new OAuth2Client("bot", "id2", Secret.of("s")));
    }
}
