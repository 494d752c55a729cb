package dev.lplogin.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, so that expiry, caches and leases are tested without sleeping. The one adjustable
 * clock of the tests that can use the testkit ({@link TokenStoreContract} runs every store on one); the domain's own
 * tests, which cannot depend on the testkit, have a {@code FakeClock} of their own. Thread-safe; UTC.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    /** A clock that reads {@code start} until it is moved. */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        now.updateAndGet(t -> t.plus(amount));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock is UTC");
    }
}
