package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings' defaults (spec §3.2–3.5) and validation; the lifecycle's behaviour is tested elsewhere. */
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
        assertThat(defaults.backgroundConcurrency()).isEqualTo(16);
        assertThat(defaults.scheduler()).isEmpty();
        assertThat(defaults.executor()).isEmpty();
    }

    @Test
    void each_builder_method_changes_only_its_own_value() {
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

        assertOnlyChanged(defaults.toBuilder().refreshInterval(Duration.ofMillis(40)).build(), "refreshInterval");
        assertOnlyChanged(defaults.toBuilder().jitter(0.0).build(), "jitter");
        assertOnlyChanged(defaults.toBuilder().idleTimeout(Duration.ofHours(1)).build(), "idleTimeout");
        assertOnlyChanged(defaults.toBuilder().backoff(Duration.ofMillis(1), Duration.ofMillis(8), 0).build(),
                "backoffInitial", "backoffMax", "failuresBeforeBackoff");
        assertOnlyChanged(defaults.toBuilder().keepAlive(false).build(), "keepAlive");
        assertOnlyChanged(defaults.toBuilder().logoutOnClose(false).build(), "logoutOnClose");
        assertOnlyChanged(defaults.toBuilder().closeTimeout(Duration.ofMillis(5)).build(), "closeTimeout");
        assertOnlyChanged(defaults.toBuilder().leaseTtl(Duration.ofMillis(5)).build(), "leaseTtl");
        assertOnlyChanged(defaults.toBuilder().clock(fixed).build(), "clock");
        assertOnlyChanged(defaults.toBuilder().scheduler(scheduler).build(), "scheduler");
        assertOnlyChanged(defaults.toBuilder().backgroundConcurrency(3).build(), "backgroundConcurrency");
        Executor executor = Runnable::run;
        assertOnlyChanged(defaults.toBuilder().executor(executor).build(), "executor");
        assertThat(defaults.toBuilder().executor(executor).build().executor()).containsSame(executor);
        assertThat(defaults.toBuilder().backgroundConcurrency(3).build().backgroundConcurrency()).isEqualTo(3);

        assertThat(defaults.toBuilder().refreshInterval(Duration.ofMillis(40)).build().refreshInterval())
                .isEqualTo(Duration.ofMillis(40));
        assertThat(defaults.toBuilder().jitter(0.0).build().jitter()).isZero();
        assertThat(defaults.toBuilder().backoff(Duration.ofMillis(1), Duration.ofMillis(8), 0).build())
                .extracting(LoginSettings::backoffInitial, LoginSettings::backoffMax,
                        LoginSettings::failuresBeforeBackoff)
                .containsExactly(Duration.ofMillis(1), Duration.ofMillis(8), 0);
        assertThat(defaults.toBuilder().clock(fixed).build().clock()).isSameAs(fixed);
        assertThat(defaults.toBuilder().scheduler(scheduler).build().scheduler()).containsSame(scheduler);
    }

    private void assertOnlyChanged(LoginSettings changed, String... fields) {
        assertThat(changed).usingRecursiveComparison().ignoringFields(fields).isEqualTo(defaults);
        assertThat(changed).isNotEqualTo(defaults);
    }

    @Test
    void every_duration_must_be_positive() {
        Duration zero = Duration.ZERO;
        Duration negative = Duration.ofMillis(-1);
        assertIae(() -> defaults.toBuilder().refreshInterval(zero).build(), "refresh interval must be positive, got PT0S");
        assertIae(() -> defaults.toBuilder().idleTimeout(negative).build(), "idle timeout must be positive, got PT-0.001S");
        assertIae(() -> defaults.toBuilder().backoff(zero, Duration.ofMinutes(1), 3).build(),
                "back-off initial interval must be positive, got PT0S");
        assertIae(() -> defaults.toBuilder().backoff(Duration.ofMinutes(1), negative, 3).build(),
                "back-off maximum must be positive, got PT-0.001S");
        assertIae(() -> defaults.toBuilder().closeTimeout(zero).build(), "close timeout must be positive, got PT0S");
        assertIae(() -> defaults.toBuilder().leaseTtl(negative).build(), "lease ttl must be positive, got PT-0.001S");
    }

    @Test
    void nulls_are_rejected_naming_the_value() {
        assertNpe(() -> defaults.toBuilder().refreshInterval(null).build(), "refresh interval");
        assertNpe(() -> defaults.toBuilder().idleTimeout(null).build(), "idle timeout");
        assertNpe(() -> defaults.toBuilder().backoff(null, Duration.ofMinutes(1), 3).build(), "back-off initial interval");
        assertNpe(() -> defaults.toBuilder().backoff(Duration.ofMinutes(1), null, 3).build(), "back-off maximum");
        assertNpe(() -> defaults.toBuilder().closeTimeout(null).build(), "close timeout");
        assertNpe(() -> defaults.toBuilder().leaseTtl(null).build(), "lease ttl");
        assertNpe(() -> defaults.toBuilder().clock(null).build(), "clock");
        assertNpe(() -> LoginSettings.builder().scheduler(null), "scheduler");
        assertNpe(() -> LoginSettings.builder().executor(null), "executor");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void background_concurrency_must_be_at_least_one(int value) {
        assertIae(() -> LoginSettings.builder().backgroundConcurrency(value),
                "background concurrency must be at least 1, got " + value);
    }

    @Test
    void a_builder_checks_each_value_when_it_is_set_and_the_combination_when_built() {
        LoginSettings.Builder builder = LoginSettings.builder().refreshInterval(Duration.ofHours(1));
        assertIae(builder::build, "refresh interval (PT1H) must be shorter than the idle timeout (PT30M)");
        assertThat(builder.idleTimeout(Duration.ofHours(2)).build().refreshInterval()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5})
    void jitter_may_be_0_to_half_the_interval(double jitter) {
        assertThat(defaults.toBuilder().jitter(jitter).build().jitter()).isEqualTo(jitter);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 0.51, 1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void jitter_outside_0_to_half_is_rejected(double jitter) {
        assertIae(() -> defaults.toBuilder().jitter(jitter).build(), "jitter must be between 0 and 0.5, got " + jitter);
    }

    @Test
    void the_refresh_interval_must_be_shorter_than_the_idle_timeout() {
        assertIae(() -> defaults.toBuilder().refreshInterval(Duration.ofMinutes(30)).build(),
                "refresh interval (PT30M) must be shorter than the idle timeout (PT30M)");
        assertIae(() -> defaults.toBuilder().idleTimeout(Duration.ofMinutes(3)).build(),
                "refresh interval (PT4M) must be shorter than the idle timeout (PT3M)");
        assertThat(defaults.toBuilder().refreshInterval(Duration.ofMinutes(30).minusNanos(1)).build().refreshInterval())
                .isEqualTo(Duration.ofMinutes(30).minusNanos(1));
    }

    @Test
    void the_back_off_maximum_must_be_at_least_the_initial_interval() {
        assertIae(() -> defaults.toBuilder().backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3).build(),
                "back-off maximum must be at least the initial interval");
        assertThat(defaults.toBuilder().backoff(Duration.ofMinutes(2), Duration.ofMinutes(2), 3).build().backoffMax())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void failures_before_back_off_may_be_zero_but_not_negative() {
        assertThat(defaults.toBuilder().backoff(Duration.ofMinutes(2), Duration.ofMinutes(32), 0).build().failuresBeforeBackoff())
                .isZero();
        assertIae(() -> defaults.toBuilder().backoff(Duration.ofMinutes(2), Duration.ofMinutes(32), -1).build(),
                "failures before back-off must be >= 0");
    }

    @Test
    void settings_compare_by_value() {
        assertThat(LoginSettings.defaults()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
        assertThat(defaults.toBuilder().jitter(0.2).build()).isEqualTo(defaults.toBuilder().jitter(0.2).build()).isNotEqualTo(defaults);
    }

    private static void assertIae(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static void assertNpe(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(NullPointerException.class).hasMessage(message);
    }
}
