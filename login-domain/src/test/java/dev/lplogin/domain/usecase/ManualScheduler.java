package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} driven by a {@link FakeClock}: {@link #advance} moves time forward and runs every task that
 * falls due, in time order, with the clock set to each task's time. Nothing runs on its own.
 */
final class ManualScheduler implements Scheduler {

    private static final class Task {
        final Instant at;
        final long seq;
        final Runnable body;
        volatile boolean cancelled;

        Task(Instant at, long seq, Runnable body) {
            this.at = at;
            this.seq = seq;
            this.body = body;
        }

        Instant at() {
            return at;
        }

        long seq() {
            return seq;
        }
    }

    private final FakeClock clock;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing(Task::at).thenComparingLong(Task::seq));
    private long seq;
    private boolean shutdown;

    ManualScheduler(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable body) {
        Instant at = clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay);
        Task task = new Task(at, seq++, body);
        if (!shutdown) {
            queue.add(task);
        }
        // lazy removal: PriorityQueue.remove is linear, and the keep-alive test cancels hundreds of thousands
        return () -> task.cancelled = true;
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        queue.clear();
    }

    /** Moves time forward by {@code by}, running what falls due on the way. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            if (next.cancelled) {
                continue;
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            next.body.run(); // outside the lock: tasks schedule their successors
        }
        clock.set(end);
    }

    synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    synchronized boolean isShutdown() {
        return shutdown;
    }
}
