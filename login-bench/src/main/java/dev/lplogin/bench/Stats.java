package dev.lplogin.bench;

import java.util.Arrays;

/** Percentiles of measured samples (nearest rank), in the unit the samples were taken. */
final class Stats {

    private Stats() {
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 100) of {@code samples}; NaN if there are none. */
    static double percentile(long[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(long[] samples) {
        return percentile(samples, 50);
    }

    static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }
}
