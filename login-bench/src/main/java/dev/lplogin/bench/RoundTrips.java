package dev.lplogin.bench;

import dev.lplogin.emulator.EmulatorStats;
import dev.lplogin.emulator.Endpoint;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * Requests per endpoint and TCP connections each step costs, counted by the emulator: a cold login (new process:
 * Domain API lookup + login), a warm login, one refresh, 20 refreshes, and a refresh after an idle pause: in a full
 * run 35 s, longer than the JDK client's default keep-alive of 30 s (which a background refresh every 4 minutes
 * always exceeded, paying a new TLS handshake), in a quick run just longer than a keep-alive scaled down to 2 s.
 */
public final class RoundTrips {

    /** The JDK HTTP client's idle-connection timeout when {@code jdk.httpclient.keepalive.timeout} is not set. */
    static final Duration JDK_DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    private RoundTrips() {
    }

    /** The keep-alive timeout quick and smoke runs give the JDK client, so that the idle case takes seconds. */
    static final String SCALED_KEEP_ALIVE_SECONDS = "2";

    /** Set in the child JVM of a quick run, so that its rows say the keep-alive was scaled down. */
    private static final String SCALED_MARK = "lp-login.bench.scaled-keep-alive";

    static void run(Bench.Mode mode, Table table) throws Exception {
        // in the child, and never in a JVM where an adapter has already set the JVM-wide keep-alive (read once)
        if (mode != Bench.Mode.FULL && System.getProperty(SCALED_MARK) == null) {
            inChildJvm(mode, table);
            return;
        }
        measure(mode, table);
    }

    /**
     * Quick runs: the whole benchmark in a JVM whose client keeps idle connections {@value
     * #SCALED_KEEP_ALIVE_SECONDS} s (the property is read once per JVM, and would distort the other benchmarks).
     */
    private static void inChildJvm(Bench.Mode mode, Table table) throws Exception {
        Process child = new ProcessBuilder(Scale.javaCommand(), "-XX:+UseSerialGC",
                "-Djdk.httpclient.keepalive.timeout=" + SCALED_KEEP_ALIVE_SECONDS, "-D" + SCALED_MARK + "=true", "-cp",
                System.getProperty("java.class.path"), RoundTrips.class.getName(), mode.name())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the round-trips JVM failed (its error output is above)");
        }
        for (String line : out.split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells.length == 5) {
                table.add(cells[0], cells[1], cells[2], cells[3], cells[4]);
            }
        }
    }

    /** The child JVM of a quick run: {@code RoundTrips MODE} prints its rows tab-separated. */
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("dev.lplogin").setLevel(java.util.logging.Level.SEVERE);
        Table table = new Table();
        measure(Bench.Mode.valueOf(args[0]), table);
        for (Table.Row row : table.rows()) {
            System.out.println(String.join("\t", row.bench(), row.metric(), row.value(), row.unit(), row.note()));
        }
    }

    private static void measure(Bench.Mode mode, Table table) throws InterruptedException {
        try (Fixture fixture = Fixture.start();
             Fixture.Client client = fixture.client(Fixture.settings().keepAlive(false).build(), event -> {
             })) {
            var emulator = fixture.emulator;
            EmulatorStats start = emulator.stats();

            EmulatorStats before = start;
            client.login(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);
            before = row(table, "cold login", before, emulator.stats(), "new client: lookup + login");

            client.login(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);
            before = row(table, "warm login", before, emulator.stats(), "same client, lookup cached");

            client.core().refresh(Fixture.DEMO);
            before = row(table, "refresh", before, emulator.stats(), "");

            for (int i = 0; i < 20; i++) {
                client.core().refresh(Fixture.DEMO);
            }
            before = row(table, "20 refreshes", before, emulator.stats(), "one after the other");

            // read now, after the client exists: the adapter sets the property (unless set) when it builds its client
            Duration keepAlive = keepAlive();
            // full: just past the JDK's own 30 s default, which every 4-minute background refresh used to exceed;
            // quick: just past the 2 s the child JVM was given, to show what an idle connection's expiry costs
            Duration idle = mode == Bench.Mode.FULL ? JDK_DEFAULT_KEEP_ALIVE.plusSeconds(5) : keepAlive.plusSeconds(1);
            Thread.sleep(idle.toMillis());
            client.core().refresh(Fixture.DEMO);
            row(table, "refresh after " + idle.toSeconds() + " s idle", before, emulator.stats(),
                    "client keeps idle connections " + keepAliveDescription());
        }
    }

    /** The keep-alive timeout the JDK client of this JVM uses: the system property if set, else its default. */
    static Duration keepAlive() {
        String value = System.getProperty("jdk.httpclient.keepalive.timeout");
        try {
            return value == null ? JDK_DEFAULT_KEEP_ALIVE : Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return JDK_DEFAULT_KEEP_ALIVE;
        }
    }

    private static String keepAliveDescription() {
        String value = System.getProperty("jdk.httpclient.keepalive.timeout");
        if (value == null) {
            return JDK_DEFAULT_KEEP_ALIVE.toSeconds() + " s (JDK default)";
        }
        return keepAlive().toSeconds() + " s" + (value.equals(SCALED_KEEP_ALIVE_SECONDS)
                && System.getProperty(SCALED_MARK) != null ? " (scaled down for a quick run)" : "");
    }

    private static EmulatorStats row(Table table, String step, EmulatorStats before, EmulatorStats after,
            String note) {
        StringJoiner requests = new StringJoiner(", ");
        for (Endpoint endpoint : Endpoint.values()) {
            long n = after.requests(endpoint) - before.requests(endpoint);
            if (n > 0) {
                requests.add(endpoint.name().toLowerCase(java.util.Locale.ROOT) + " " + n);
            }
        }
        long connections = after.connections() - before.connections();
        table.add("roundtrips", step + ": requests", requests.length() == 0 ? "none" : requests.toString(), "",
                note);
        table.add("roundtrips", step + ": new TCP connections", connections, "conn", "");
        return after;
    }
}
