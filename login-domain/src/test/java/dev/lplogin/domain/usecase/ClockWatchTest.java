package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.port.LoggedIn;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A machine that slept: the wall clock jumps ahead of the monotonic one the scheduler waits with. */
class ClockWatchTest {

    private final Rig rig = new Rig();
    private final AtomicLong monotonic = new AtomicLong();
    private final AtomicInteger jumps = new AtomicInteger();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void the_clocks_moving_together_is_no_jump() {
        ClockWatch watch = new ClockWatch(rig.clock, monotonic::get, jumps::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            rig.clock.advance(Duration.ofSeconds(1));
            monotonic.addAndGet(Duration.ofMillis(1_000 + 100 * i).toNanos()); // late scheduling, not a jump
            watch.check();
        }
        assertThat(jumps).hasValue(0);
    }

    @Test
    void the_wall_clock_running_ahead_by_more_than_a_second_is_a_jump_noticed_once() {
        ClockWatch watch = new ClockWatch(rig.clock, monotonic::get, jumps::incrementAndGet);
        rig.clock.advance(Duration.ofHours(1)); // suspended for an hour: the monotonic clock stood still
        monotonic.addAndGet(Duration.ofSeconds(1).toNanos());

        watch.check();
        rig.clock.advance(Duration.ofSeconds(1));
        monotonic.addAndGet(Duration.ofSeconds(1).toNanos());
        watch.check();

        assertThat(jumps).hasValue(1);
    }

    @Test
    void after_a_jump_every_key_catches_up_and_no_dead_bearer_is_handed_out() {
        SessionLifecycle core = (SessionLifecycle) rig.core(rig.settings().keepAlive(false));
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.clock.advance(Duration.ofMinutes(31)); // asleep: no timer ran, the bearer is still hot

        core.retimeAllKeys(); // what the watch does when it notices

        Secret next = core.bearer(KEY);
        assertThat(next).isNotEqualTo(bearer);
        assertThat(rig.gateway.isLive(next)).isTrue();
    }
}
