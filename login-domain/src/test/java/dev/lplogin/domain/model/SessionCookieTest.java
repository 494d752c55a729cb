package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCookieTest {

    @ParameterizedTest
    @ValueSource(strings = {"Session_id", "a", "JSESSIONID", "x-y.z", "!#$%&'*+.^_`|~"})
    void accepts_rfc_6265_token_names(String name) {
        assertThat(new SessionCookie(name, Secret.of("v")).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Session id", "a=b", "a;b", "a,b", "a\"b", "(a)", "a/b", "a@b", "ä", "a\nb",
            "[a]", "{a}", "a:b", "a?b", "a\\b"})
    void rejects_names_that_are_not_tokens(String name) {
        assertThatThrownBy(() -> new SessionCookie(name, Secret.of("v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cookie name must be an RFC 6265 token");
    }

    @Test
    void accepts_a_name_of_256_characters_and_rejects_257() {
        assertThat(new SessionCookie("n".repeat(256), Secret.of("v")).name()).hasSize(256);
        assertThatThrownBy(() -> new SessionCookie("n".repeat(257), Secret.of("v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_nulls_naming_the_field() {
        assertThatThrownBy(() -> new SessionCookie(null, Secret.of("v"))).isInstanceOf(NullPointerException.class)
                .hasMessage("cookie name");
        assertThatThrownBy(() -> new SessionCookie("Session_id", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cookie value");
    }

    @Test
    void prints_its_name_but_not_its_value() {
        assertThat(new SessionCookie("Session_id", Secret.of("opaque-cookie-value")).toString())
                .contains("Session_id")
                .doesNotContain("opaque-cookie-value");
    }
}
