package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The long-interval retry around login (spec §3.4). */
class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private final Backoff backoff = Backoff.from(LoginSettings.defaults());

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.25, 0.5, 0.999})
    void doubles_from_two_minutes_after_three_failures_capped_at_32_and_jitter_only_lengthens(double luck) {
        assertThat(backoff.nextAttempt(1, NOW, luck)).isEmpty();
        assertThat(backoff.nextAttempt(2, NOW, luck)).isEmpty();
        long[] minutes = {2, 4, 8, 16, 32, 32, 32};
        for (int i = 0; i < minutes.length; i++) {
            Duration floor = Duration.ofMinutes(minutes[i]);
            assertThat(backoff.nextAttempt(3 + i, NOW, luck)).get()
                    .satisfies(t -> assertThat(Duration.between(NOW, t)).isBetween(floor,
                            floor.plus(floor.dividedBy(10))));
        }
    }

    @Test
    void with_no_threshold_the_first_failure_already_backs_off_and_huge_counts_stay_capped() {
        Backoff eager = new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(32), 0, 0);
        assertThat(eager.nextAttempt(1, NOW, 0.5)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(eager.nextAttempt(1_000, NOW, 0.5)).contains(NOW.plus(Duration.ofMinutes(32)));
    }
}
