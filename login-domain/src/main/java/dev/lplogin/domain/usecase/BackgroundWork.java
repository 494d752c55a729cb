package dev.lplogin.domain.usecase;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs background steps (keep-alive refreshes, background re-logins and retries) on the network executor, at most
 * {@code limit} at a time; the others wait in a FIFO queue, so that a refresh wave of thousands of sessions is
 * thousands of queued tasks, not thousands of threads and connections. Thread-safe.
 */
final class BackgroundWork implements Executor {

    private final Executor executor;
    private final int limit;
    private final Queue<Runnable> waiting = new ArrayDeque<>(); // guarded by this
    private int running; // guarded by this

    BackgroundWork(Executor executor, int limit) {
        this.executor = executor;
        this.limit = limit;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(task);
                return;
            }
            running++;
        }
        try {
            executor.execute(() -> runThenNext(task));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    /** How many steps run now (for tests). */
    synchronized int running() {
        return running;
    }

    /** How many steps wait for a free place (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private void runThenNext(Runnable task) {
        Runnable next = task;
        while (next != null) {
            try {
                next.run();
            } finally {
                synchronized (this) {
                    next = waiting.poll();
                    if (next == null) {
                        running--;
                    }
                }
            }
        }
    }
}
