package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RefreshPlanner} alone: where it places refreshes, cycle after cycle. */
class RefreshPlannerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(20);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    /**
     * 10,000 sessions logged in at once, each refreshed at its planned moment and planned again from the answer (a
     * round trip of 1–20 ms later), as the state machine does: after the first few cycles every second carries the
     * mean within noise. A planner that let the window's edge cut a bucket made a comb of its refreshes instead, and
     * every fifth second carried 25 % more than the mean (1 s bins over 312.5 ms buckets).
     */
    @Test
    void refreshes_stay_flat_second_by_second_cycle_after_cycle() {
        RefreshPlanner planner = new RefreshPlanner(INTERVAL);
        Random random = new Random(7);
        PriorityQueue<Instant> due = new PriorityQueue<>();
        for (int i = 0; i < 10_000; i++) {
            due.add(plan(planner, START, random));
        }
        int measuredFrom = 100;
        int[] perSecond = new int[100];
        while (true) {
            Instant at = due.poll();
            long second = Duration.between(START, at).toSeconds();
            if (second >= measuredFrom + perSecond.length) {
                break;
            }
            if (second >= measuredFrom) {
                perSecond[(int) (second - measuredFrom)]++;
            }
            due.add(plan(planner, at.plusMillis(1 + random.nextInt(20)), random));
        }

        double mean = Arrays.stream(perSecond).average().orElseThrow();
        int busiest = Arrays.stream(perSecond).max().orElseThrow();
        assertThat(mean).as("one refresh per session per interval (a refresh lands in the last whole bucket of "
                + "its window, a little before the interval's end)").isBetween(490.0, 520.0);
        assertThat(busiest / mean).as("busiest second / mean").isLessThan(1.15);
    }

    @Test
    void a_lone_session_is_refreshed_in_the_last_whole_bucket_of_its_window() {
        RefreshPlanner planner = new RefreshPlanner(INTERVAL);
        Instant until = START.plus(INTERVAL);

        Instant at = planner.place(START.plusSeconds(1), until, 0.999);

        assertThat(at).isBefore(until).isAfterOrEqualTo(until.minus(INTERVAL.dividedBy(64)));
    }

    @Test
    void a_window_shorter_than_a_bucket_is_kept() {
        RefreshPlanner planner = new RefreshPlanner(INTERVAL);
        Instant from = START.plusMillis(100);
        Instant until = START.plusMillis(200);

        for (double luck : new double[] {0, 0.5, 0.999}) {
            assertThat(planner.place(from, until, luck)).isBetween(from, until);
        }
    }

    /** The keep-alive window of a session confirmed at {@code confirmed}, as {@link SessionStateMachine} plans it. */
    private static Instant plan(RefreshPlanner planner, Instant confirmed, Random random) {
        Instant latest = confirmed.plus(INTERVAL);
        Instant earliest = latest.minusNanos((long) (INTERVAL.toNanos() * SessionStateMachine.SPREAD_FRACTION));
        return planner.place(earliest, latest, random.nextDouble());
    }
}
