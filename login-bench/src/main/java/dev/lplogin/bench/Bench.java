package dev.lplogin.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code bin/bench [hotpath|herd|scale|roundtrips|cli|fleet|calls|all] [--quick]}: runs the benchmarks and prints
 * one table, headed by the machine and JDK it came from. Exit 0, or 1 with a one-line reason when a benchmark could
 * not run, 2 on bad arguments.
 */
public final class Bench {

    /** How long each benchmark runs: the full run, a quick look (under 2 minutes in all), or one smoke iteration. */
    enum Mode { FULL, QUICK, SMOKE }

    /** The benchmarks, in the order {@code all} runs them. */
    static final List<String> ALL = List.of("hotpath", "herd", "roundtrips", "scale", "cli", "fleet", "calls");

    private Bench() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Mode mode = Mode.FULL;
        List<String> which = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> mode = Mode.QUICK;
                case "--smoke" -> mode = Mode.SMOKE;
                case "all" -> which.addAll(ALL);
                case "-h", "--help" -> {
                    out.println("usage: bin/bench [hotpath|herd|scale|roundtrips|cli|fleet|calls|all] [--quick]");
                    return;
                }
                default -> {
                    if (!ALL.contains(arg)) {
                        System.err.println("bin/bench: unknown benchmark '" + arg + "'; choose from "
                                + String.join(", ", ALL) + " or all (see bin/bench --help)");
                        System.exit(2);
                    }
                    which.add(arg);
                }
            }
        }
        if (which.isEmpty()) {
            which.addAll(ALL);
        }
        out.println(header(mode));
        out.println();
        try {
            Table table = run(which.stream().distinct().toList(), mode, out);
            table.print(out);
        } catch (Exception e) {
            System.err.println("bin/bench: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs {@code which} in {@code mode}, noting progress on stderr. */
    static Table run(List<String> which, Mode mode, PrintStream progress) throws Exception {
        // the core logs refresh failures and the like: a benchmark prints its table only
        Logger.getLogger("dev.lplogin").setLevel(Level.SEVERE);
        Table table = new Table();
        for (String bench : which) {
            long start = System.nanoTime();
            System.err.println("bin/bench: " + bench + " ...");
            switch (bench) {
                case "hotpath" -> HotPath.run(mode, table);
                case "herd" -> Herd.run(mode, table);
                case "roundtrips" -> RoundTrips.run(mode, table);
                case "scale" -> Scale.run(mode, table);
                case "cli" -> CliStartup.run(mode, table);
                case "fleet" -> Fleet.run(mode, table);
                case "calls" -> Calls.run(mode, table);
                default -> throw new IllegalArgumentException("unknown benchmark " + bench);
            }
            System.err.printf(Locale.ROOT, "bin/bench: %s done in %.1f s%n", bench,
                    (System.nanoTime() - start) / 1e9);
        }
        return table;
    }

    /** Machine, CPUs, OS and JDK: absolute numbers mean little without them. */
    static String header(Mode mode) {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (Exception e) {
            // not Linux: the JDK's own description below still says enough
        }
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "lp-login benchmarks (%s run) on %s, %d CPUs, %s %s %s; JDK %s (%s), max heap %d MiB",
                mode.name().toLowerCase(Locale.ROOT), cpu, runtime.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                runtime.maxMemory() / (1024 * 1024));
    }
}
