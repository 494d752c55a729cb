package dev.lplogin.bench;

import dev.lplogin.calls.LivePersonCalls;
import dev.lplogin.calls.ServiceCall;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.emulator.DemoAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A call to the emulator's protected skills API through the calls helper ({@link LivePersonCalls}: service host
 * lookup, {@code bearer()}, headers, the shared transport and its slot) beside the very same request sent with a bare
 * JDK {@link HttpClient} and a fixed bearer — one after the other, alternating, in one run, so the ratio holds on a
 * shared machine. Then throughput: {@value #CLIENTS} concurrent clients sending the same read for a fixed time, direct
 * with the JDK client, through the helper, and through the proxy of an {@code lp-login agent} in its own process
 * (goal: at least half the direct rate).
 */
final class Calls {

    /** Concurrent clients of the throughput rows, as the agent proxy's goal states it. */
    static final int CLIENTS = 16;

    private static final String SKILLS = "/api/account/{accountId}/configuration/le-users/skills?v=2.0";

    private Calls() {
    }

    static void run(Bench.Mode mode, Table table) throws Exception {
        int warmup = switch (mode) {
            case FULL -> 3_000;
            case QUICK -> 1_000;
            case SMOKE -> 20;
        };
        int samples = switch (mode) {
            case FULL -> 10_000;
            case QUICK -> 2_000;
            case SMOKE -> 20;
        };
        Duration window = switch (mode) {
            case FULL -> Duration.ofSeconds(10);
            case QUICK -> Duration.ofSeconds(3);
            case SMOKE -> Duration.ofMillis(300);
        };
        try (Fixture fixture = Fixture.start();
             Fixture.Client client = fixture.client(Fixture.settings().keepAlive(false).build(), event -> {
             });
             HttpClient raw = HttpClient.newBuilder().sslContext(fixture.emulator.sslContext())
                     .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build()) {
            client.login(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);
            LivePersonCalls calls = new LivePersonCalls(client.core(), client.transport());
            ServiceCall read = ServiceCall.get(Fixture.DEMO, ServiceName.of("accountConfigReadOnly"), SKILLS);
            // the raw request is what the helper sends: same URL, same bearer, same User-Agent
            HttpRequest rawRead = HttpRequest.newBuilder(URI.create(fixture.emulator.baseUrl()
                            + read.resolvedPathAndQuery()))
                    .header("User-Agent", client.transport().settings().userAgent())
                    .header("Authorization", "Bearer " + client.core().bearer(Fixture.DEMO).reveal())
                    .timeout(Duration.ofSeconds(15)).GET().build();
            Callable<Integer> helper = () -> calls.send(read, BodyHandlers.ofString()).statusCode();
            Callable<Integer> direct = () -> raw.send(rawRead, BodyHandlers.ofString()).statusCode();

            for (int i = 0; i < warmup; i++) {
                call(helper);
                call(direct);
            }
            long[] viaHelper = new long[samples];
            long[] viaRaw = new long[samples];
            for (int i = 0; i < samples; i++) {
                // alternate which goes first, so that neither always finds the other's connection just warmed
                boolean helperFirst = i % 2 == 0;
                long first = timed(helperFirst ? helper : direct);
                long second = timed(helperFirst ? direct : helper);
                viaHelper[i] = helperFirst ? first : second;
                viaRaw[i] = helperFirst ? second : first;
            }
            double helperMedian = Stats.median(viaHelper);
            double rawMedian = Stats.median(viaRaw);
            table.add("calls", "GET via the calls helper, median", helperMedian / 1_000, "µs",
                    samples + " calls alternating with the raw ones; p99 "
                            + Table.format(Stats.percentile(viaHelper, 99) / 1_000) + " µs");
            table.add("calls", "GET via the JDK client, fixed bearer, median", rawMedian / 1_000, "µs",
                    "same URL, bearer and User-Agent; p99 " + Table.format(Stats.percentile(viaRaw, 99) / 1_000)
                            + " µs");
            table.add("calls", "helper / raw (median)", helperMedian / rawMedian, "×", "goal ≤ 1.10");

            try (Agent agent = Agent.start(fixture);
                 HttpClient toAgent = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                HttpRequest proxied = HttpRequest.newBuilder(agent.url.resolve("/v1/proxy/accountConfigReadOnly"
                                + read.resolvedPathAndQuery()))
                        .header("X-LP-Login-Key", agent.key).timeout(Duration.ofSeconds(15)).GET().build();
                Callable<Integer> viaProxy = () -> toAgent.send(proxied, BodyHandlers.ofString()).statusCode();
                // each side once unmeasured (its connections opened, handshakes done), then twice, alternating
                throughput(CLIENTS, window.dividedBy(3), direct);
                throughput(CLIENTS, window.dividedBy(3), helper);
                throughput(CLIENTS, window.dividedBy(3), viaProxy);
                double directRate = 0;
                double helperRate = 0;
                double proxyRate = 0;
                for (int round = 0; round < 2; round++) {
                    directRate += throughput(CLIENTS, window, direct) / 2;
                    helperRate += throughput(CLIENTS, window, helper) / 2;
                    proxyRate += throughput(CLIENTS, window, viaProxy) / 2;
                }
                table.add("calls", CLIENTS + " clients, JDK client direct", directRate, "calls/s",
                        "each sends again as soon as its answer is in; mean of two " + window.toMillis()
                                + " ms windows");
                table.add("calls", CLIENTS + " clients, via the calls helper", helperRate, "calls/s",
                        Table.format(helperRate / directRate) + "× direct");
                table.add("calls", CLIENTS + " clients, through the agent proxy", proxyRate, "calls/s",
                        "lp-login agent in its own JVM, plain HTTP on loopback to it");
                table.add("calls", "agent proxy / direct (throughput)", proxyRate / directRate, "×", "goal ≥ 0.5");
            }
        }
    }

    /**
     * {@code bin/lp-login agent} in a process of its own, keeping the demo bot's session of {@code fixture}'s
     * emulator (it logs in by itself) and serving its proxy on a free loopback port.
     */
    private record Agent(Process process, URI url, String key, Path home) implements AutoCloseable {

        static Agent start(Fixture fixture) throws IOException, InterruptedException {
            Path root = Path.of(System.getProperty("lp.root", ".")).toAbsolutePath().normalize();
            Path home = Files.createTempDirectory("lp-login-bench-agent-");
            Path keyFile = home.resolve("agent.key");
            ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/lp-login").toString(), "agent",
                    "--account", DemoAccount.ACCOUNT_ID, "--user", DemoAccount.BOT_USERNAME, "--listen", "127.0.0.1:0",
                    "--key-file", keyFile.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("LP_"));
            env.put("LP_CSDS", fixture.emulator.baseUrl().toString());
            env.put("LP_CA_CERT", fixture.certificate.toString());
            env.put("LP_STORE", home.resolve("store").toString());
            // the demo bot, not the demo user: a second login of the user would end the benchmark's own session
            env.put("LP_CLIENT_ID", DemoAccount.CLIENT_ID);
            env.put("LP_CLIENT_SECRET", DemoAccount.CLIENT_SECRET);
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());   // no personal config file
            env.put("XDG_STATE_HOME", home.resolve("state").toString());
            Process process = builder.start();
            String first = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            if (first == null || !first.startsWith("http://")) {
                process.destroyForcibly();
                throw new IllegalStateException("lp-login agent did not start (exit "
                        + (process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : "none") + ")");
            }
            return new Agent(process, URI.create(first.strip()), Files.readString(keyFile).strip(), home);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * Calls per second that {@code clients} concurrent virtual threads get from {@code send} in {@code window},
     * each sending again as soon as its answer is in. Every answer must be 200.
     */
    static double throughput(int clients, Duration window, Callable<Integer> send) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        call(send);
                        done.increment();
                    }
                } catch (RuntimeException e) {
                    failed.compareAndSet(null, e);
                    stop.set(true);
                } finally {
                    finished.countDown();
                }
            });
        }
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        long counted = done.sum();
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        if (!finished.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the throughput clients did not stop");
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return counted / (elapsed / 1e9);
    }

    private static long timed(Callable<Integer> send) {
        long start = System.nanoTime();
        call(send);
        return System.nanoTime() - start;
    }

    private static void call(Callable<Integer> send) {
        try {
            int status = send.call();
            if (status != 200) {
                throw new IllegalStateException("the benchmark call answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the benchmark call failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
