package dev.lplogin.domain.usecase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Starts many threads that call at once, and waits (bounded) for conditions other threads bring about. */
final class Threads {

    private Threads() {
    }

    /** Runs {@code call} on {@code n} threads released together; returns the threads and their results. */
    static <T> Crowd<T> start(int n, Callable<T> call) {
        CountDownLatch ready = new CountDownLatch(n);
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    ready.await();
                    results.set(index, call.call());
                } catch (Exception | AssertionError e) {
                    results.set(index, e);
                }
            }, "caller-" + i);
            thread.start();
            threads.add(thread);
        }
        return new Crowd<>(threads, results, ready);
    }

    /** Waits until {@code condition} holds, failing after 20 seconds. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000); // polling another thread's progress, not waiting for timed logic
        }
    }

    record Crowd<T>(List<Thread> threads, AtomicReferenceArray<Object> results, CountDownLatch ready) {

        /** Whether every thread has been released and is now parked (waiting for a shared result). */
        boolean allParked() {
            return ready.getCount() == 0 && threads.stream()
                    .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING
                            || t.getState() == Thread.State.TERMINATED);
        }

        /** Waits (bounded) for every thread to finish; returns the results. */
        @SuppressWarnings("unchecked")
        List<T> join(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            for (Thread t : threads) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                t.join(left);
                if (t.isAlive()) {
                    throw new AssertionError(t.getName() + " still waits after " + within);
                }
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < results.length(); i++) {
                Object r = results.get(i);
                if (r instanceof Throwable failure) {
                    throw new AssertionError("a caller failed", failure);
                }
                out.add((T) r);
            }
            return out;
        }
    }
}
