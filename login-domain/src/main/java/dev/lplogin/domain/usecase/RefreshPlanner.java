package dev.lplogin.domain.usecase;

import java.time.Duration;
import java.time.Instant;

/**
 * Picks the moment of each keep-alive refresh within the window the state machine allows, so that refreshes are
 * spread evenly over time whatever the pattern of logins: it counts the refreshes planned per time bucket (a
 * second, or a 64th of the refresh interval if that is shorter) and picks the least busy bucket of the window,
 * the latest on a tie, so that a lone session is refreshed at the end of its fresh window and a burst of logins
 * fills the window evenly. Thread-safe; memory is one small ring of counters per core.
 *
 * <p>Only buckets wholly inside the window are candidates, and the moment is uniform over the whole bucket. A bucket
 * cut by the window's end would take its refresh from the part before the cut only; since the next window ends one
 * interval after that refresh, cycle after cycle the refreshes would crowd at the start of their buckets, a comb with
 * a tooth every bucket instead of a flat rate (measured: every fifth second 25 % busier than the mean).
 */
final class RefreshPlanner {

    private final long bucketNanos;
    private final long[] bucketOf; // which bucket each ring slot counts
    private final int[] planned;

    RefreshPlanner(Duration refreshInterval) {
        long interval = refreshInterval.toNanos();
        this.bucketNanos = Math.max(1, Math.min(Duration.ofSeconds(1).toNanos(), interval / 64));
        int size = (int) Math.min(1 << 16, interval / bucketNanos + 2);
        this.bucketOf = new long[size];
        this.planned = new int[size];
        java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    /**
     * The moment in [{@code from}, {@code until}] at which to refresh; {@code luck} (uniform in [0, 1)) places it
     * within the chosen bucket.
     */
    synchronized Instant place(Instant from, Instant until, double luck) {
        long a = nanos(from);
        long b = Math.max(a, nanos(until));
        long first = Math.floorDiv(a + bucketNanos - 1, bucketNanos); // the first bucket starting at or after a
        long last = Math.floorDiv(b + 1, bucketNanos) - 1;              // the last bucket ending at or before b
        if (last < first) {
            // a window shorter than a bucket: the bucket of its end, cut to the window
            first = Math.floorDiv(b, bucketNanos);
            last = first;
        }
        first = Math.max(first, last - bucketOf.length + 1);
        long best = last;
        int bestCount = count(last);
        for (long k = last - 1; k >= first && bestCount > 0; k--) {
            int c = count(k);
            if (c < bestCount) {
                best = k;
                bestCount = c;
            }
        }
        int slot = (int) Math.floorMod(best, (long) bucketOf.length);
        if (bucketOf[slot] != best) {
            bucketOf[slot] = best;
            planned[slot] = 0;
        }
        planned[slot]++;
        long lo = Math.max(a, best * bucketNanos);
        long hi = Math.min(b, best * bucketNanos + bucketNanos - 1);
        long at = lo + (long) ((hi - lo) * luck);
        return Instant.ofEpochSecond(Math.floorDiv(at, 1_000_000_000L), Math.floorMod(at, 1_000_000_000L));
    }

    private int count(long bucket) {
        int slot = (int) Math.floorMod(bucket, (long) bucketOf.length);
        return bucketOf[slot] == bucket ? planned[slot] : 0;
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
