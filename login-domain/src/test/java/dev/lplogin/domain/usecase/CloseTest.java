package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.SessionListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code close()} logs out every open session within a bounded time and stops all work. */
class CloseTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void close_logs_out_each_open_session_once_and_stops_keep_alive() {
        LoginUseCase core = rig.core();
        for (int i = 0; i < 5; i++) {
            core.login(ACCOUNT, Rig.credentials(i));
        }
        rig.gateway.loginAnswer = () -> new CredentialsRejected("");
        core.login(ACCOUNT, Rig.credentials(99)); // no session: nothing to log out

        core.close();
        core.close(); // idempotent

        assertThat(rig.gateway.logouts).hasValue(5);
        assertThat(rig.store.list()).isEmpty();
        assertThat(rig.scheduler.pending()).isZero();
        assertThat(rig.scheduler.isShutdown()).as("a scheduler the embedder passed in is theirs").isFalse();
        assertThatThrownBy(() -> core.bearer(Rig.key(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        rig.advance(Duration.ofHours(1));
        assertThat(rig.gateway.refreshes).hasValue(0);
    }

    @Test
    void close_without_logout_leaves_the_sessions_for_the_next_process() {
        LoginUseCase core = rig.core(rig.settings().logoutOnClose(false));
        core.login(ACCOUNT, Rig.credentials(1));

        core.close();

        assertThat(rig.gateway.logouts).hasValue(0);
        assertThat(rig.store.list()).hasSize(1);
    }

    @Test
    void close_is_bounded_by_the_close_timeout_when_the_service_hangs() {
        LoginUseCase core = LoginCore.create(rig.lookup, rig.gateway, rig.store, SessionListener.NONE,
                rig.settings().closeTimeout(Duration.ofMillis(200)).executor(task -> Thread.ofVirtual()
                        .start(task)).build());
        core.login(ACCOUNT, Rig.credentials(1));
        rig.gateway.logoutGate = new CountDownLatch(1); // never opened while close runs

        long started = System.nanoTime();
        core.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(3));
        rig.gateway.logoutGate.countDown();
    }

    @Test
    void a_core_built_with_defaults_owns_its_scheduler_thread_and_stops_it_on_close() {
        LoginUseCase owning = LoginCore.create(rig.lookup, rig.gateway, rig.store, SessionListener.NONE,
                LoginSettings.defaults());
        owning.login(ACCOUNT, Rig.credentials(1));
        assertThat(schedulerThreads()).isPositive();

        owning.close();

        Threads.awaitTrue(() -> schedulerThreads() == 0, "the core's scheduler thread ends");
        assertThat(rig.gateway.logouts).hasValue(1);
    }

    private static long schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("lp-login-scheduler") && t.isAlive()).count();
    }
}
