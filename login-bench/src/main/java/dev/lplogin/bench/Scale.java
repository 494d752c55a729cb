package dev.lplogin.bench;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.emulator.GeneratedAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many sessions kept alive by one JVM: {@code sessions} generated users log in, then the core refreshes all of them
 * in the background at a short interval while this measures heap per session, platform threads, TCP connections
 * opened and retried requests (counted by the emulator, which runs in another JVM so that neither its heap nor its
 * threads are counted), and refreshes per second in the busiest second against the mean.
 */
final class Scale {

    private Scale() {
    }

    record Plan(int sessions, Duration refreshInterval, Duration window) {
    }

    static Plan plan(Bench.Mode mode) {
        return switch (mode) {
            case FULL -> new Plan(10_000, Duration.ofSeconds(20), Duration.ofSeconds(60));
            case QUICK -> new Plan(1_000, Duration.ofSeconds(5), Duration.ofSeconds(10));
            case SMOKE -> new Plan(50, Duration.ofSeconds(1), Duration.ofSeconds(3));
        };
    }

    static void run(Bench.Mode mode, Table table) throws Exception {
        Plan plan = plan(mode);
        Path certificate = Files.createTempFile("lp-login-bench-scale-", ".pem");
        Process emulator = new ProcessBuilder(javaCommand(), "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ScaleEmulator.class.getName(),
                Integer.toString(plan.sessions()), certificate.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader fromEmulator = new BufferedReader(
                     new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter toEmulator = new PrintWriter(emulator.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String baseUrl = fromEmulator.readLine();
            if (baseUrl == null) {
                throw new IllegalStateException("the scale emulator did not start (its error output is above)");
            }
            measure(plan, table, URI.create(baseUrl), certificate, () -> {
                toEmulator.println("stats");
                try {
                    return ScaleEmulator.parse(fromEmulator.readLine());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            emulator.destroy();
            emulator.waitFor();
            Files.deleteIfExists(certificate);
        }
    }

    interface EmulatorStatsSource {
        Map<String, Long> stats();
    }

    private static void measure(Plan plan, Table table, URI baseUrl, Path certificate, EmulatorStatsSource emulator)
            throws Exception {
        AccountId account = AccountId.of(GeneratedAccount.ACCOUNT_ID);
        int seconds = (int) plan.window().toSeconds() + 2;
        AtomicLongArray refreshesPerSecond = new AtomicLongArray(seconds);
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong refreshed = new AtomicLong();
        AtomicLong refreshedInWindow = new AtomicLong();
        AtomicLong refreshFailed = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicLong logins = new AtomicLong();
        SessionListener listener = event -> {
            switch (event) {
                case SessionEvent.Refreshed r -> {
                    refreshed.incrementAndGet();
                    refreshedInWindow.incrementAndGet();
                    long second = (System.nanoTime() - windowStart.get()) / 1_000_000_000L;
                    if (second >= 0 && second < seconds) {
                        refreshesPerSecond.incrementAndGet((int) second);
                    }
                }
                case SessionEvent.RefreshFailed f -> {
                    refreshFailed.incrementAndGet();
                    firstFailure.compareAndSet(null, f.reason());
                }
                case SessionEvent.LoggedIn l -> logins.incrementAndGet();
                default -> {
                }
            }
        };
        var threadBean = ManagementFactory.getThreadMXBean();
        CountingGateway[] gateway = new CountingGateway[1];
        Fixture.Client client = Fixture.Client.create(Fixture.httpSettings(baseUrl, certificate),
                Fixture.settings().refreshInterval(plan.refreshInterval()).build(), listener,
                real -> gateway[0] = new CountingGateway(real));
        try {
            // warm the client up with one login so that the baseline heap holds the loaded classes and the pool
            login(client, account, 1);
            long heapBefore = usedHeapAfterGc();
            Map<String, Long> atStart = emulator.stats();
            int threadsBefore = threadBean.getThreadCount();
            threadBean.resetPeakThreadCount();

            long loginStart = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(32, Thread.ofVirtual().factory())) {
                List<Future<?>> all = new ArrayList<>(plan.sessions());
                for (int i = 2; i <= plan.sessions(); i++) {
                    int user = i;
                    all.add(pool.submit(() -> login(client, account, user)));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            }
            double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
            Map<String, Long> afterLogins = emulator.stats();

            refreshedInWindow.set(0);
            windowStart.set(System.nanoTime());
            Thread.sleep(plan.window().toMillis());
            long windowEnd = System.nanoTime();
            Map<String, Long> afterWindow = emulator.stats();
            int platformThreads = threadBean.getThreadCount();
            int peakThreads = threadBean.getPeakThreadCount();
            long heapAfter = usedHeapAfterGc();
            long refreshedDuringWindow = refreshedInWindow.get();
            // calls against requests at an instant when no call is in flight: every request counted beyond the
            // calls is a retry
            long calls = -1;
            Map<String, Long> atEnd = Map.of();
            for (int attempt = 0; attempt < 10_000 && calls < 0; attempt++) {
                if (gateway[0].inFlight.get() == 0) {
                    long before = gateway[0].started.get();
                    atEnd = emulator.stats();
                    if (gateway[0].inFlight.get() == 0 && gateway[0].started.get() == before) {
                        calls = before;
                    }
                }
                if (calls < 0) {
                    Thread.sleep(0, 200_000);
                }
            }

            int fullSeconds = (int) Math.min(seconds, (windowEnd - windowStart.get()) / 1_000_000_000L);
            long busiest = 0;
            long total = 0;
            for (int s = 0; s < fullSeconds; s++) {
                busiest = Math.max(busiest, refreshesPerSecond.get(s));
                total += refreshesPerSecond.get(s);
            }
            double mean = fullSeconds == 0 ? Double.NaN : (double) total / fullSeconds;
            long retried = calls < 0 ? -1 : atEnd.get("login") + atEnd.get("refresh") - calls;
            String what = plan.sessions() + " sessions, refresh every " + plan.refreshInterval().toSeconds() + " s";

            table.add("scale", "sessions kept alive", plan.sessions(), "sessions", "emulator in another JVM");
            table.add("scale", "logins: time for all", loginSeconds, "s", "32 concurrent callers");
            table.add("scale", "heap per session", (heapAfter - heapBefore) / (double) plan.sessions(), "B",
                    "used heap after GC, minus the baseline");
            table.add("scale", "platform threads (live / peak)", platformThreads + " / " + peakThreads, "",
                    "baseline " + threadsBefore + " before the logins");
            table.add("scale", "TCP connections opened: logins", afterLogins.get("connections")
                    - atStart.get("connections"), "conn", "");
            table.add("scale", "TCP connections opened: keep-alive window", afterWindow.get("connections")
                    - afterLogins.get("connections"), "conn", plan.window().toSeconds() + " s");
            table.add("scale", "retried requests", calls < 0 ? "n/a" : Long.toString(retried), "req",
                    "emulator requests − gateway calls; non-2xx answers: " + errors(atEnd, atStart));
            table.add("scale", "refreshes/s busiest second", busiest, "1/s", what);
            table.add("scale", "refreshes/s mean", mean, "1/s", "ideal " + Table.format(
                    plan.sessions() / (double) plan.refreshInterval().toSeconds()) + "; "
                    + refreshFailed.get() + " refreshes failed"
                    + (firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")"));
            table.add("scale", "refreshes/s busiest / mean", busiest / mean, "ratio", "1.0 = perfectly spread");
            table.add("scale", "refreshes in the window", refreshedDuringWindow, "refreshes", "");
        } finally {
            client.close();
        }
    }

    private static void login(Fixture.Client client, AccountId account, int user) {
        client.login(account, new Credentials.UserPassword(GeneratedAccount.username(user),
                Secret.of(GeneratedAccount.password(user))));
    }

    private static String errors(Map<String, Long> after, Map<String, Long> before) {
        long n = 0;
        for (var e : after.entrySet()) {
            if (e.getKey().startsWith("status.") && !e.getKey().startsWith("status.2")) {
                n += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return Long.toString(n);
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
