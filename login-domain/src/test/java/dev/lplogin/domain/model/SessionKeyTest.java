package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionKeyTest {

    @Test
    void of_builds_account_and_login_name_and_prints_them_with_a_slash() {
        SessionKey key = SessionKey.of("12345678", "demo bot");

        assertThat(key.account()).isEqualTo(AccountId.of("12345678"));
        assertThat(key.loginName()).isEqualTo("demo bot");
        assertThat(key).hasToString("12345678/demo bot");
    }

    @Test
    void equal_by_account_and_login_name() {
        assertThat(SessionKey.of("1", "a")).isEqualTo(new SessionKey(AccountId.of("1"), "a"))
                .hasSameHashCodeAs(new SessionKey(AccountId.of("1"), "a"))
                .isNotEqualTo(SessionKey.of("1", "A"))
                .isNotEqualTo(SessionKey.of("2", "a"));
    }

    @Test
    void accepts_a_login_name_of_256_characters_and_rejects_257() {
        assertThat(SessionKey.of("1", "n".repeat(256)).loginName()).hasSize(256);
        assertThatThrownBy(() -> SessionKey.of("1", "n".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("login name must be at most 256 characters, got 257");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "  \n "})
    void rejects_a_blank_login_name(String loginName) {
        assertThatThrownBy(() -> SessionKey.of("1", loginName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("login name must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo\nbot", "demo\u0000", "\u007fdemo", "de\rmo"})
    void rejects_control_characters_in_the_login_name(String loginName) {
        assertThatThrownBy(() -> SessionKey.of("1", loginName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("login name must not contain control characters");
    }

    @Test
    void rejects_nulls_naming_the_field() {
        assertThatThrownBy(() -> new SessionKey(null, "demo")).isInstanceOf(NullPointerException.class)
                .hasMessage("account");
        assertThatThrownBy(() -> new SessionKey(AccountId.of("1"), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("login name");
    }

    @Test
    void of_validates_the_account_too() {
        assertThatThrownBy(() -> SessionKey.of("../1", "demo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("account id must be");
    }
}
