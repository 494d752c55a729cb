package dev.lplogin.bench;

import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link HotPathBenchmark} with JMH at 1 and 2 threads, {@code -prof gc}, and turns the scores into rows. */
final class HotPath {

    private static final String[][] BENCHMARKS = {
        {"lpLoginBearer", "bearer() lp-login, fresh session"},
        {"googleRequestMetadata", "google-auth getRequestMetadata(), cached token"},
        {"volatileRead", "volatile read (floor)"},
    };

    private HotPath() {
    }

    static void run(Bench.Mode mode, Table table) throws RunnerException {
        for (int threads : new int[] {1, 2}) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(HotPathBenchmark.class.getName() + "\\.")
                    .threads(threads)
                    .addProfiler(GCProfiler.class)
                    .verbosity(VerboseMode.SILENT)
                    .shouldFailOnError(true);
            if (Runtime.version().feature() >= 24) {
                // JMH 1.37 reads fields through sun.misc.Unsafe; JDK 24+ warns about it on every fork
                options = options.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow");
            }
            options = switch (mode) {
                case FULL -> options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5).measurementTime(TimeValue.seconds(1));
                case QUICK -> options.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
                // in-process (forks 0) so that the smoke test needs no second JVM
                case SMOKE -> options.forks(0).warmupIterations(0).measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(100));
            };
            Collection<RunResult> results = new Runner(options.build()).run();
            String suffix = ", " + threads + " thread" + (threads > 1 ? "s" : "");
            for (String[] benchmark : BENCHMARKS) {
                RunResult result = find(results, benchmark[0]);
                double error = result.getPrimaryResult().getScoreError();
                table.add("hotpath", benchmark[1] + suffix, result.getPrimaryResult().getScore(), "ns/op",
                        Double.isNaN(error) ? "" : "± " + Table.format(error) + " (99.9 %)");
                table.add("hotpath", "  allocated" + suffix, allocationPerOp(result.getSecondaryResults()), "B/op",
                        "-prof gc");
            }
            double lp = find(results, "lpLoginBearer").getPrimaryResult().getScore();
            double google = find(results, "googleRequestMetadata").getPrimaryResult().getScore();
            table.add("hotpath", "lp-login / google-auth" + suffix, lp / google, "ratio", "goal ≤ 0.5");
        }
    }

    private static RunResult find(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH produced no result for " + method));
    }

    /** {@code gc.alloc.rate.norm} (named with a leading "·" before JMH 1.36). */
    private static double allocationPerOp(Map<String, Result> secondary) {
        return secondary.entrySet().stream().filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore()).findFirst().orElse(Double.NaN);
    }
}
