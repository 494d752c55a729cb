package dev.lplogin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNameTest {

    @Test
    void login_is_the_agent_vep_service_of_spec_2() {
        assertThat(ServiceName.LOGIN.value()).isEqualTo("agentVep");
        assertThat(ServiceName.LOGIN).hasToString("agentVep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agentVep", "sentinel", "facadeMsg", "a", "msg.Hist_v2-x"})
    void accepts_names_of_letters_digits_dot_underscore_and_dash(String value) {
        assertThat(ServiceName.of(value).value()).isEqualTo(value);
    }

    @Test
    void is_case_sensitive() {
        assertThat(ServiceName.of("agentvep")).isNotEqualTo(ServiceName.LOGIN);
        assertThat(ServiceName.of("agentVep")).isEqualTo(ServiceName.LOGIN);
    }

    @Test
    void accepts_64_characters_and_rejects_65() {
        assertThat(ServiceName.of("s".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> ServiceName.of("s".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "agent Vep", "agent/Vep", "agentVep?x", "ägent", "agentVep\n"})
    void rejects_other_characters(String value) {
        assertThatThrownBy(() -> ServiceName.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service name must be 1-64 of [A-Za-z0-9_.-], e.g. agentVep");
    }

    @Test
    void rejects_null() {
        assertThatThrownBy(() -> new ServiceName(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("service name");
    }
}
