package dev.lplogin.adapter.http;

import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ServiceUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs at most one piece of work per key at a time, in the calling thread: callers that arrive while it runs wait for
 * its result (or its exception) instead of starting their own. Thread-safe. (Not the core's {@code SingleFlight},
 * which starts a key's one flight on an executor and hands out its future.)
 */
final class SharedFetch<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    private final Operation operation;

    SharedFetch(Operation operation) {
        this.operation = operation;
    }

    /** The result of {@code work} for {@code key}, run here or shared with the caller already running it. */
    V run(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private V await(CompletableFuture<V> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(operation, "interrupted while waiting for a lookup in progress");
        } catch (ExecutionException e) {
            // The waiters get the very exception the running caller got: same message, same type.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("unexpected failure of a shared lookup", e.getCause());
        }
    }
}
