package dev.lplogin.domain.usecase;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * At most one upstream operation per key at a time: concurrent callers of {@link #join} share the one in flight and
 * all get its result. Lock-free (one CAS on an {@link AtomicReference}).
 */
final class SingleFlight<T> {

    private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();

    /** The operation a caller of {@link #joinOrStart} waits for, and whether that call started it. */
    record Joined<T>(CompletableFuture<T> future, boolean started) {
    }

    /** The operation in flight, or {@code task} started on {@code executor} if none is. */
    CompletableFuture<T> join(Executor executor, Supplier<T> task) {
        return joinOrStart(executor, task).future();
    }

    /** Like {@link #join}, for a caller that must know whether its own {@code task} is the one that runs. */
    Joined<T> joinOrStart(Executor executor, Supplier<T> task) {
        while (true) {
            CompletableFuture<T> current = inFlight.get();
            if (current != null) {
                return new Joined<>(current, false);
            }
            CompletableFuture<T> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                start(executor, task, mine);
                return new Joined<>(mine, true);
            }
        }
    }

    /**
     * Starts {@code task} once the operation in flight (if any) has finished, and makes it the one later callers join.
     * For operations that must not be answered by an older one: an explicit login with new credentials, a logout.
     */
    CompletableFuture<T> runAfterCurrent(Executor executor, Supplier<T> task) {
        while (true) {
            CompletableFuture<T> current = inFlight.get();
            CompletableFuture<T> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(current, mine)) {
                if (current == null) {
                    start(executor, task, mine);
                } else {
                    current.whenComplete((result, failure) -> start(executor, task, mine));
                }
                return mine;
            }
        }
    }

    private void start(Executor executor, Supplier<T> task, CompletableFuture<T> mine) {
        try {
            executor.execute(() -> run(task, mine));
        } catch (RejectedExecutionException e) {
            // the core is closing: nobody must wait forever for a flight that can never start
            inFlight.compareAndSet(mine, null);
            mine.completeExceptionally(new IllegalStateException("the login core is closed", e));
        }
    }

    private void run(Supplier<T> task, CompletableFuture<T> mine) {
        T result;
        try {
            result = task.get();
        } catch (Throwable failure) {
            inFlight.compareAndSet(mine, null);
            mine.completeExceptionally(failure);
            return;
        }
        // Clear before completing: a caller woken by the result that asks again must start a new flight, not get
        // this finished one. The task has already published its state, so a new flight sees it and ends at once.
        inFlight.compareAndSet(mine, null);
        mine.complete(result);
    }
}
