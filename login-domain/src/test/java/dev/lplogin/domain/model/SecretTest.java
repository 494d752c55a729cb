package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void prints_as_three_stars_whatever_the_value() {
        assertThat(Secret.of("hunter2")).hasToString("***");
        assertThat(Secret.of("*")).hasToString("***");
        assertThat(String.valueOf(Secret.of("a much longer secret value"))).isEqualTo("***");
    }

    @Test
    void reveal_returns_the_value_unchanged() {
        assertThat(Secret.of(" pässwörd\t").reveal()).isEqualTo(" pässwörd\t");
    }

    @Test
    void equal_by_value() {
        Secret secret = Secret.of("s3cr3t");

        assertThat(secret).isEqualTo(Secret.of("s3cr3t")).hasSameHashCodeAs(Secret.of("s3cr3t"));
        assertThat(secret).isNotEqualTo(Secret.of("s3cr3T"));
        assertThat(secret).isNotEqualTo(Secret.of("s3cr3t "));
        assertThat(secret).isNotEqualTo(Secret.of("s3cr"));
        assertThat(Secret.of("ü")).isEqualTo(Secret.of("ü")).isNotEqualTo(Secret.of("u"));
    }

    @Test
    void never_equal_to_its_plain_value_or_null() {
        Secret secret = Secret.of("s3cr3t");

        assertThat(secret.equals("s3cr3t")).isFalse();
        assertThat(secret.equals(null)).isFalse();
    }

    @Test
    void rejects_an_empty_value() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a secret must not be empty");
    }

    @Test
    void rejects_null() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("secret value");
    }

    @Test
    void from_the_environment_is_empty_when_the_variable_is_unset_or_empty() {
        // the README's Redis snippet once read Secret.of(System.getenv("LP_REDIS_PASSWORD")): a NullPointerException
        // whenever the variable was unset
        assertThat(Secret.fromEnvironment(Map.of(), "LP_REDIS_PASSWORD")).isEmpty();
        assertThat(Secret.fromEnvironment(Map.of("LP_REDIS_PASSWORD", ""), "LP_REDIS_PASSWORD")).isEmpty();
        assertThat(Secret.fromEnvironment(Map.of("LP_REDIS_PASSWORD", "pw"), "LP_REDIS_PASSWORD"))
                .contains(Secret.of("pw"));
    }
}
