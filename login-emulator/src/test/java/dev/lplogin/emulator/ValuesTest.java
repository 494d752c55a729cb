package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of the public value types: clear messages, no invalid emulator. */
class ValuesTest {

    @Test
    void defaultsAreLivePersonLike() {
        var config = EmulatorConfig.defaults();

        assertThat(config.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(config.port()).isZero();
        assertThat(config.https()).isTrue();
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.maxSessionAge()).isEqualTo(Duration.ofHours(8));
        assertThat(config.secondLogin()).isEqualTo(SecondLogin.KICK_OUT);
        assertThat(config.oauth1Refused()).isFalse();
        assertThat(config.accounts()).extracting(EmulatorAccount::id).containsExactly(DemoAccount.ACCOUNT_ID);
    }

    @Test
    void invalidConfigurationsAreRefusedNamingTheSetting() {
        var defaults = EmulatorConfig.defaults();

        assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> defaults.withIdleTimeout(Duration.ZERO)).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> defaults.withMaxSessionAge(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxSessionAge");
        assertThatThrownBy(() -> defaults.withLoginLimit(0, Duration.ofMinutes(1))).hasMessageContaining("loginLimit");
        assertThatThrownBy(() -> defaults.withMaxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> defaults.plusAccounts(List.of(DemoAccount.account())))
                .hasMessageContaining("account 12345678 is configured twice");
    }

    @Test
    void faultsAreValidated() {
        assertThatThrownBy(() -> Fault.status(Endpoint.LOGIN, 200, 1)).hasMessageContaining("400 and 599");
        assertThatThrownBy(() -> Fault.reset(Endpoint.LOGIN, 0)).hasMessageContaining("times");
        assertThatThrownBy(() -> Fault.delay(Endpoint.LOGIN, Duration.ZERO, 1)).hasMessageContaining("delay");
        assertThat(Fault.status(Endpoint.CSDS, 503, Duration.ofSeconds(5), 2).retryAfter())
                .hasValue(Duration.ofSeconds(5));
    }

    @Test
    void endpointsHaveWireNames() {
        assertThat(Endpoint.values()).extracting(Endpoint::wireName)
                .containsExactly("csds", "login", "refresh", "logout", "list-skills", "create-skill");
        assertThat(Endpoint.fromWireName("refresh")).isEqualTo(Endpoint.REFRESH);
        assertThat(Endpoint.fromWireName("create-skill")).isEqualTo(Endpoint.CREATE_SKILL);
        assertThatThrownBy(() -> Endpoint.fromWireName("REFRESH"))
                .hasMessageContaining("csds, login, refresh, logout, list-skills, create-skill");
        assertThat(Endpoint.values()).filteredOn(Endpoint::isProtectedApi)
                .containsExactly(Endpoint.LIST_SKILLS, Endpoint.CREATE_SKILL);
    }

    @Test
    void usersNeedAWayToLogIn() {
        assertThatThrownBy(() -> new EmulatorUser("ghost", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), false)).hasMessageContaining("ghost");
        assertThatThrownBy(() -> EmulatorUser.withPassword(" ", "p")).hasMessageContaining("username");
    }

    @Test
    void advancingTheClockBackwardsIsRefused() {
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withHttps(false))) {
            assertThatThrownBy(() -> emulator.advanceClock(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            emulator.advanceClock(Duration.ofHours(2));
            assertThat(emulator.now()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(119)));
        }
    }
}
