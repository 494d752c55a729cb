package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.port.Scheduler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadSchedulerTest {

    private final ThreadScheduler scheduler = new ThreadScheduler();

    @AfterEach
    void tearDown() {
        scheduler.shutdown();
        scheduler.shutdown(); // idempotent
    }

    @Test
    void runs_tasks_on_one_daemon_thread_and_survives_a_failing_task() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        scheduler.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("a broken task");
        });
        scheduler.schedule(Duration.ofMillis(5), () -> {
            ranOn.set(Thread.currentThread());
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get().isDaemon()).isTrue();
        assertThat(ranOn.get().getName()).isEqualTo("lp-login-scheduler");
    }

    @Test
    void a_cancelled_task_does_not_run() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Scheduler.Cancellable handle = scheduler.schedule(Duration.ofMillis(300), () -> ran.set(true));
        handle.cancel();
        CountDownLatch later = new CountDownLatch(1);
        scheduler.schedule(Duration.ofMillis(600), later::countDown);

        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).isFalse();
    }
}
