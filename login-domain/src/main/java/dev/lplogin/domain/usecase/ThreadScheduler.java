package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: one daemon platform thread for every session of a core. Tasks only hand work to
 * the network executor, so one thread keeps thousands of sessions alive.
 */
final class ThreadScheduler implements Scheduler {

    private static final System.Logger LOG = System.getLogger(ThreadScheduler.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    ThreadScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "lp-login-scheduler");
            thread.setDaemon(true); // keep-alive must never keep a JVM from exiting
            return thread;
        });
        // Without this, thousands of cancelled keep-alive timers would stay queued until their time came.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, saturatedNanos(delay));
        var future = executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // a scheduled future would swallow it silently; one failing task must not hide others' problems
                LOG.log(Level.WARNING, "a scheduled task failed", e);
            }
        }, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException e) {
            return delay.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }
}
