package dev.lplogin.domain.usecase;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Notices the wall clock jumping ahead of the monotonic clock the scheduler waits with — a machine that was
 * suspended, or a clock stepped forward — after which the key timers fire late by the size of the jump. Checked
 * once a second on the scheduler thread; on a jump every key is re-timed at once, so that a hot bearer is never
 * handed out for more than about a second past its handover however long the machine slept.
 */
final class ClockWatch {

    /** A jump smaller than this is scheduling noise. */
    static final Duration TOLERANCE = Duration.ofSeconds(1);

    private final Clock wall;
    private final LongSupplier monotonicNanos;
    private final Runnable onJump;
    private long lastWallNanos;
    private long lastMonotonicNanos;

    ClockWatch(Clock wall, LongSupplier monotonicNanos, Runnable onJump) {
        this.wall = wall;
        this.monotonicNanos = monotonicNanos;
        this.onJump = onJump;
        this.lastWallNanos = wallNanos();
        this.lastMonotonicNanos = monotonicNanos.getAsLong();
    }

    /** Compares the two clocks' progress since the last check; calls {@code onJump} if the wall clock ran ahead. */
    synchronized void check() {
        long wallNow = wallNanos();
        long monotonicNow = monotonicNanos.getAsLong();
        long ahead = (wallNow - lastWallNanos) - (monotonicNow - lastMonotonicNanos);
        lastWallNanos = wallNow;
        lastMonotonicNanos = monotonicNow;
        if (ahead > TOLERANCE.toNanos()) {
            onJump.run();
        }
    }

    private long wallNanos() {
        var now = wall.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
