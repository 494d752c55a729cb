package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.port.SessionEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SessionEvent.Waited}: one per caller of {@code bearer()} that had to wait, none for a usable session. */
class WaitedEventTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void every_caller_that_waits_for_a_login_is_announced_with_how_long_it_waited() throws Exception {
        LoginUseCase core = rig.concurrentCore();
        core.login(ACCOUNT, CREDENTIALS);
        rig.advance(Duration.ofMinutes(31)); // past the assumed idle timeout: EXPIRED
        rig.gateway.loginGate = new CountDownLatch(1);

        // Platform threads: their WAITING state means parked, nothing else. The first starts the re-login, the second
        // joins it while it hangs upstream; both are parked on it before it is let go.
        Thread first = Thread.ofPlatform().start(() -> core.bearer(KEY));
        Threads.awaitTrue(() -> rig.gateway.logins.get() == 2 && first.getState() == Thread.State.WAITING,
                "the first caller waits for the re-login it started");
        Thread second = Thread.ofPlatform().start(() -> core.bearer(KEY));
        Threads.awaitTrue(() -> second.getState() == Thread.State.WAITING, "the second caller joins it");
        Thread.sleep(20); // makes the wait measurably long; what is asserted is the events, not this pause
        rig.gateway.loginGate.countDown();
        first.join(20_000);
        second.join(20_000);

        assertThat(rig.gateway.logins).as("one re-login for both").hasValue(2);
        assertThat(rig.listener.of(SessionEvent.Waited.class)).hasSize(2).allSatisfy(waited -> {
            assertThat(waited.key()).isEqualTo(KEY);
            assertThat(waited.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        });
    }

    @Test
    void fresh_and_stale_bearers_are_handed_out_without_a_wait() {
        LoginUseCase core = rig.concurrentCore();
        core.login(ACCOUNT, CREDENTIALS);
        core.bearer(KEY);
        rig.advance(Duration.ofMinutes(4).plusSeconds(30)); // stale: served at once, refreshed in the background
        core.bearer(KEY);

        assertThat(rig.listener.of(SessionEvent.Waited.class)).isEmpty();
    }
}
