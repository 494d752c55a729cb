package dev.lplogin.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The system UTC clock plus an offset that a benchmark moves forward, e.g. past a session's idle timeout. */
final class OffsetClock extends Clock {

    private final AtomicLong offsetNanos = new AtomicLong();

    void advance(Duration amount) {
        offsetNanos.addAndGet(amount.toNanos());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a benchmark clock is UTC only");
    }
}
