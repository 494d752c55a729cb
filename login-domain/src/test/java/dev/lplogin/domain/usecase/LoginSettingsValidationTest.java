package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings record's defaults (spec §3.2–3.5) and validation; the lifecycle's behaviour is tested elsewhere. */
class LoginSettingsValidationTest {

    private final LoginSettings defaults = LoginSettings.defaults();

    @Test
    void defaults_follow_the_spec() {
        assertThat(defaults.refreshInterval()).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.jitter()).isEqualTo(0.10);
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.backoffInitial()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.backoffMax()).isEqualTo(Duration.ofMinutes(32));
        assertThat(defaults.failuresBeforeBackoff()).isEqualTo(3);
        assertThat(defaults.keepAlive()).isTrue();
        assertThat(defaults.logoutOnClose()).isTrue();
        assertThat(defaults.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.leaseTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(defaults.scheduler()).isEmpty();
    }

    @Test
    void each_with_method_changes_only_its_own_value() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Scheduler scheduler = new Scheduler() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return () -> {
                };
            }

            @Override
            public void shutdown() {
            }
        };

        assertOnlyChanged(defaults.withRefreshInterval(Duration.ofMillis(40)), "refreshInterval");
        assertOnlyChanged(defaults.withJitter(0.0), "jitter");
        assertOnlyChanged(defaults.withIdleTimeout(Duration.ofHours(1)), "idleTimeout");
        assertOnlyChanged(defaults.withBackoff(Duration.ofMillis(1), Duration.ofMillis(8), 0),
                "backoffInitial", "backoffMax", "failuresBeforeBackoff");
        assertOnlyChanged(defaults.withKeepAlive(false), "keepAlive");
        assertOnlyChanged(defaults.withLogoutOnClose(false), "logoutOnClose");
        assertOnlyChanged(defaults.withCloseTimeout(Duration.ofMillis(5)), "closeTimeout");
        assertOnlyChanged(defaults.withLeaseTtl(Duration.ofMillis(5)), "leaseTtl");
        assertOnlyChanged(defaults.withClock(fixed), "clock");
        assertOnlyChanged(defaults.withScheduler(scheduler), "scheduler");

        assertThat(defaults.withRefreshInterval(Duration.ofMillis(40)).refreshInterval())
                .isEqualTo(Duration.ofMillis(40));
        assertThat(defaults.withJitter(0.0).jitter()).isZero();
        assertThat(defaults.withBackoff(Duration.ofMillis(1), Duration.ofMillis(8), 0))
                .extracting(LoginSettings::backoffInitial, LoginSettings::backoffMax,
                        LoginSettings::failuresBeforeBackoff)
                .containsExactly(Duration.ofMillis(1), Duration.ofMillis(8), 0);
        assertThat(defaults.withClock(fixed).clock()).isSameAs(fixed);
        assertThat(defaults.withScheduler(scheduler).scheduler()).containsSame(scheduler);
    }

    private void assertOnlyChanged(LoginSettings changed, String... fields) {
        assertThat(changed).usingRecursiveComparison().ignoringFields(fields).isEqualTo(defaults);
        assertThat(changed).isNotEqualTo(defaults);
    }

    @Test
    void every_duration_must_be_positive() {
        Duration zero = Duration.ZERO;
        Duration negative = Duration.ofMillis(-1);
        assertIae(() -> defaults.withRefreshInterval(zero), "refresh interval must be positive, got PT0S");
        assertIae(() -> defaults.withIdleTimeout(negative), "idle timeout must be positive, got PT-0.001S");
        assertIae(() -> defaults.withBackoff(zero, Duration.ofMinutes(1), 3),
                "back-off initial interval must be positive, got PT0S");
        assertIae(() -> defaults.withBackoff(Duration.ofMinutes(1), negative, 3),
                "back-off maximum must be positive, got PT-0.001S");
        assertIae(() -> defaults.withCloseTimeout(zero), "close timeout must be positive, got PT0S");
        assertIae(() -> defaults.withLeaseTtl(negative), "lease ttl must be positive, got PT-0.001S");
    }

    @Test
    void nulls_are_rejected_naming_the_value() {
        assertNpe(() -> defaults.withRefreshInterval(null), "refresh interval");
        assertNpe(() -> defaults.withIdleTimeout(null), "idle timeout");
        assertNpe(() -> defaults.withBackoff(null, Duration.ofMinutes(1), 3), "back-off initial interval");
        assertNpe(() -> defaults.withBackoff(Duration.ofMinutes(1), null, 3), "back-off maximum");
        assertNpe(() -> defaults.withCloseTimeout(null), "close timeout");
        assertNpe(() -> defaults.withLeaseTtl(null), "lease ttl");
        assertNpe(() -> defaults.withClock(null), "clock");
        assertThatThrownBy(() -> defaults.withScheduler(null)).isInstanceOf(NullPointerException.class);
        assertNpe(() -> new LoginSettings(Duration.ofMinutes(4), 0.1, Duration.ofMinutes(30), Duration.ofMinutes(2),
                Duration.ofMinutes(32), 3, true, true, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Clock.systemUTC(), null), "scheduler (use Optional.empty())");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5})
    void jitter_may_be_0_to_half_the_interval(double jitter) {
        assertThat(defaults.withJitter(jitter).jitter()).isEqualTo(jitter);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 0.51, 1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void jitter_outside_0_to_half_is_rejected(double jitter) {
        assertIae(() -> defaults.withJitter(jitter), "jitter must be between 0 and 0.5, got " + jitter);
    }

    @Test
    void the_refresh_interval_must_be_shorter_than_the_idle_timeout() {
        assertIae(() -> defaults.withRefreshInterval(Duration.ofMinutes(30)),
                "refresh interval (PT30M) must be shorter than the idle timeout (PT30M)");
        assertIae(() -> defaults.withIdleTimeout(Duration.ofMinutes(3)),
                "refresh interval (PT4M) must be shorter than the idle timeout (PT3M)");
        assertThat(defaults.withRefreshInterval(Duration.ofMinutes(30).minusNanos(1)).refreshInterval())
                .isEqualTo(Duration.ofMinutes(30).minusNanos(1));
    }

    @Test
    void the_back_off_maximum_must_be_at_least_the_initial_interval() {
        assertIae(() -> defaults.withBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3),
                "back-off maximum must be at least the initial interval");
        assertThat(defaults.withBackoff(Duration.ofMinutes(2), Duration.ofMinutes(2), 3).backoffMax())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void failures_before_back_off_may_be_zero_but_not_negative() {
        assertThat(defaults.withBackoff(Duration.ofMinutes(2), Duration.ofMinutes(32), 0).failuresBeforeBackoff())
                .isZero();
        assertIae(() -> defaults.withBackoff(Duration.ofMinutes(2), Duration.ofMinutes(32), -1),
                "failures before back-off must be >= 0");
    }

    @Test
    void settings_compare_by_value() {
        assertThat(LoginSettings.defaults()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
        assertThat(defaults.withJitter(0.2)).isEqualTo(defaults.withJitter(0.2)).isNotEqualTo(defaults);
    }

    private static void assertIae(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static void assertNpe(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(NullPointerException.class).hasMessage(message);
    }
}
