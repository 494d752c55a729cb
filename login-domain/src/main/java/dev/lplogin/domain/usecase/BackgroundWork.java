package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.SessionKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs background steps (keep-alive refreshes, background re-logins and retries) on the network executor, at most
 * {@code limit} at a time; the others wait in line, first come first served, so that a refresh wave of thousands of
 * sessions is thousands of queued tasks, not thousands of threads and connections. A key has at most one step in
 * line (its flights are one at a time), and a caller who needs that key's step {@link #expedite}s it past the line.
 * Thread-safe.
 */
final class BackgroundWork {

    private final Executor executor;
    private final int limit;
    private final Map<SessionKey, Runnable> waiting = new LinkedHashMap<>(); // guarded by this; in arrival order
    private int running; // guarded by this

    BackgroundWork(Executor executor, int limit) {
        this.executor = executor;
        this.limit = limit;
    }

    /** An executor for the background steps of {@code key}. */
    Executor forKey(SessionKey key) {
        return task -> execute(key, task);
    }

    /** Runs {@code task} (a step of {@code key}) now if fewer than the limit run, else when its turn comes. */
    void execute(SessionKey key, Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.put(key, task);
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

    /**
     * Runs the step of {@code key} waiting in line, if there is one, at once and outside the limit: a caller waits
     * for it, and callers are never held back by other keys' background work.
     */
    void expedite(SessionKey key) {
        Runnable task;
        synchronized (this) {
            task = waiting.remove(key);
        }
        if (task != null) {
            executor.execute(task);
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
                    next = null;
                    Iterator<Runnable> first = waiting.values().iterator();
                    if (first.hasNext()) {
                        next = first.next();
                        first.remove();
                    } else {
                        running--;
                    }
                }
            }
        }
    }
}
