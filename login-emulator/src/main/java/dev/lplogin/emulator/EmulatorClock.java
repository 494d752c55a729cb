package dev.lplogin.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock plus an offset that tests move forward, so that expiry is testable without waiting. */
final class EmulatorClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    Instant now() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock forward; moving backwards is refused because expiry assumes time only grows. */
    Duration advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + amount);
        }
        return offset.accumulateAndGet(amount, Duration::plus);
    }

    Duration offset() {
        return offset.get();
    }

    void reset() {
        offset.set(Duration.ZERO);
    }
}
