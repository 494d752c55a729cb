package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "a", "Z", "le_Test-1", "_", "-"})
    void accepts_letters_digits_underscore_and_dash(String value) {
        assertThat(AccountId.of(value).value()).isEqualTo(value);
    }

    @Test
    void accepts_64_characters_and_rejects_65() {
        assertThat(AccountId.of("1".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> AccountId.of("1".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "123 456", "12/34", "..", "../etc", "a.b", "a\\b", "12345678\n", "ü", "١٢٣",
            "12%2F34", "a:b", "a?b", "a#b"})
    void rejects_anything_that_could_escape_a_path_segment_or_file_name(String value) {
        assertThatThrownBy(() -> new AccountId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("account id must be 1-64 letters, digits, '_' or '-' (e.g. 12345678)");
    }

    @Test
    void rejects_null_naming_the_field() {
        assertThatThrownBy(() -> new AccountId(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("account id");
    }

    @Test
    void message_shows_the_bad_value_with_control_characters_replaced() {
        assertThatThrownBy(() -> AccountId.of("12\n34\u0000"))
                .hasMessage("account id must be 1-64 letters, digits, '_' or '-' (e.g. 12345678), got '12?34?'");
    }

    @Test
    void message_cuts_a_very_long_value_to_70_characters() {
        String value = "x".repeat(70) + "TAIL";
        assertThatThrownBy(() -> AccountId.of(value))
                .hasMessageEndingWith("got '" + "x".repeat(70) + "…'")
                .message().doesNotContain("TAIL");
    }

    @Test
    void equal_by_value_and_prints_as_the_bare_value() {
        assertThat(AccountId.of("12345678")).isEqualTo(new AccountId("12345678"))
                .hasSameHashCodeAs(new AccountId("12345678"))
                .isNotEqualTo(AccountId.of("12345679"))
                .hasToString("12345678");
    }
}
