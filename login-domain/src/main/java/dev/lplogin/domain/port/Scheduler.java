package dev.lplogin.domain.port;

import java.time.Duration;

/**
 * Runs the core's timed work (keep-alive refreshes, back-off retries). The production implementation uses one
 * scheduler thread for all sessions and hands network work to other threads; tests use a manual scheduler driven by
 * a fake clock, so no test sleeps to wait for a refresh.
 *
 * <p>Thread-safe. Tasks must not be run on the caller's thread from within {@link #schedule}.
 */
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay} (zero or negative: as soon as possible).
     *
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** Stops running scheduled tasks and releases threads. Idempotent. */
    void shutdown();

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
