package dev.lplogin.emulator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The injected faults still to happen, queued per endpoint in injection order. */
final class FaultPlan {

    /** A fault and how many more requests it will hit. */
    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final Map<Endpoint, ArrayDeque<Pending>> queues = new EnumMap<>(Endpoint.class);

    synchronized void add(Fault fault) {
        queues.computeIfAbsent(fault.endpoint(), key -> new ArrayDeque<>()).addLast(new Pending(fault));
    }

    /** The fault the next request to this endpoint suffers, if any; consumes one of its {@code times}. */
    synchronized Optional<Fault> next(Endpoint endpoint) {
        var queue = queues.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        var head = queue.peekFirst();
        if (--head.remaining == 0) {
            queue.pollFirst();
        }
        return Optional.of(head.fault);
    }

    /** How many faulted requests are still to come, over all endpoints. */
    synchronized int pending() {
        return queues.values().stream().flatMap(ArrayDeque::stream).mapToInt(pending -> pending.remaining).sum();
    }

    synchronized void clear() {
        queues.clear();
    }
}
