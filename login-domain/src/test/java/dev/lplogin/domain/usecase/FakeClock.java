package dev.lplogin.domain.usecase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the domain's tests move by hand; thread-safe. The testkit's {@code ManualClock} does the same for every
 * other module's tests; the domain's cannot use it (the testkit depends on the domain), hence this small double of
 * its own, named like the domain's other fakes.
 */
final class FakeClock extends Clock {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    void set(Instant to) {
        now.set(to);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
