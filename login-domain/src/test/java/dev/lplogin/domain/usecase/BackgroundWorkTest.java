package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.port.SessionEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background work at scale: a bounded number at once, and refreshes spread evenly whatever the login pattern. */
class BackgroundWorkTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void at_most_the_limit_runs_at_once_and_the_rest_follow_in_order() {
        QueueExecutor network = new QueueExecutor();
        network.hold();
        BackgroundWork lane = new BackgroundWork(network, 2);
        StringBuilder ran = new StringBuilder();

        for (char c : "abcde".toCharArray()) {
            lane.execute(Rig.key(c), () -> ran.append(c));
        }

        assertThat(network.queued()).as("handed to the executor").isEqualTo(2);
        assertThat(lane.running()).isEqualTo(2);
        assertThat(lane.waiting()).isEqualTo(3);
        network.runAll(); // a finished task takes the next waiting one, in order, on its own thread
        assertThat(ran).as("a's thread went on with c, d, e before b's ran").hasToString("acdeb");
        assertThat(lane.running()).isZero();
        assertThat(lane.waiting()).isZero();
    }

    @Test
    void a_step_a_caller_waits_for_is_run_at_once_past_the_line() {
        QueueExecutor network = new QueueExecutor();
        network.hold();
        BackgroundWork lane = new BackgroundWork(network, 1);
        StringBuilder ran = new StringBuilder();
        lane.execute(Rig.key(1), () -> ran.append("1"));
        lane.execute(Rig.key(2), () -> ran.append("2"));
        lane.execute(Rig.key(3), () -> ran.append("3"));

        lane.expedite(Rig.key(3));
        lane.expedite(Rig.key(9)); // nothing of that key in line: nothing happens

        assertThat(network.queued()).as("the first step and the expedited one").isEqualTo(2);
        assertThat(lane.waiting()).isEqualTo(1);
        network.runAll();
        assertThat(ran).hasToString("123");
        assertThat(lane.running()).isZero();
    }

    @Test
    void keep_alive_refreshes_run_at_most_background_concurrency_at_once() {
        QueueExecutor network = new QueueExecutor();
        LoginUseCase core = rig.core(rig.settings().executor(network).backgroundConcurrency(3));
        for (int i = 0; i < 20; i++) {
            core.login(ACCOUNT, Rig.credentials(i));
        }
        network.hold(); // from now on the test decides when network work runs

        rig.advance(Duration.ofMinutes(4)); // all 20 refreshes fall due, and their timers have started them all

        assertThat(network.queued()).as("refreshes handed to threads; the other 17 wait in line").isEqualTo(3);
        assertThat(rig.gateway.refreshes).hasValue(0);
        network.runAll(); // each of the three goes on with the waiting ones when it is done
        assertThat(rig.gateway.refreshes).hasValue(20);
        assertThat(rig.listener.of(SessionEvent.Refreshed.class)).hasSize(20);
        network.release();
    }

    @Test
    void a_burst_of_ten_thousand_logins_is_refreshed_evenly_in_every_minute() {
        int sessions = 10_000;
        int seconds = 300;
        AtomicIntegerArray perSecond = new AtomicIntegerArray(seconds);
        long start = FakeClock.START.getEpochSecond();
        AtomicInteger refreshed = new AtomicInteger();
        LoginUseCase core = LoginCore.create(rig.lookup, rig.gateway, rig.store, event -> {
            if (event instanceof SessionEvent.Refreshed r) {
                refreshed.incrementAndGet();
                int second = (int) (r.at().getEpochSecond() - start);
                if (second < seconds) {
                    perSecond.incrementAndGet(second);
                }
            }
        }, rig.settings().refreshInterval(Duration.ofSeconds(20)).build());
        for (int i = 0; i < sessions; i++) {
            core.login(ACCOUNT, Rig.credentials(i)); // all in the same instant: the worst case
        }

        rig.advance(Duration.ofSeconds(seconds));

        int[] counts = new int[seconds];
        Arrays.setAll(counts, perSecond::get);
        double worst = 0;
        for (int from = 0; from + 60 <= seconds; from++) {
            double mean = Arrays.stream(counts, from, from + 60).average().orElseThrow();
            int busiest = Arrays.stream(counts, from, from + 60).max().orElseThrow();
            worst = Math.max(worst, busiest / mean);
        }
        System.out.printf("10,000 sessions logged in at once, refreshed every 20 s for %d s: %d refreshes, busiest "
                + "second / mean of its 60 s window at worst %.2f%n", seconds, refreshed.get(), worst);
        assertThat(worst).as("busiest second / mean, worst 60 s window").isLessThanOrEqualTo(1.5);
        assertThat(refreshed.get()).as("one refresh per session per interval")
                .isBetween(sessions * seconds / 20 - sessions, sessions * seconds / 20 + sessions);
        assertThat(rig.gateway.logins).hasValue(sessions);
    }
}
