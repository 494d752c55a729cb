package dev.lplogin.bench;

import dev.lplogin.calls.LivePersonCalls;
import dev.lplogin.calls.ServiceCall;
import dev.lplogin.domain.model.ServiceName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A call to the emulator's protected skills API through the calls helper ({@link LivePersonCalls}: service host
 * lookup, {@code bearer()}, headers, the shared transport and its slot) beside the very same request sent with a bare
 * JDK {@link HttpClient} and a fixed bearer — one after the other, alternating, in one run, so the ratio holds on a
 * shared machine. Then throughput: {@value #CLIENTS} concurrent clients sending the same read for a fixed time, direct
 * with the JDK client, and through the helper.
 *
 * <p>The agent proxy's row (16 clients through {@code /v1/proxy/…} vs direct; goal ≥ 0.5×) plugs in at
 * {@link #throughput}: give it a sender that calls the proxy.
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

            // each side once unmeasured (its CLIENTS connections opened, handshakes done), then twice, alternating
            throughput(CLIENTS, window.dividedBy(3), direct);
            throughput(CLIENTS, window.dividedBy(3), helper);
            double directRate = 0;
            double helperRate = 0;
            for (int round = 0; round < 2; round++) {
                directRate += throughput(CLIENTS, window, direct) / 2;
                helperRate += throughput(CLIENTS, window, helper) / 2;
            }
            table.add("calls", CLIENTS + " clients, JDK client direct", directRate, "calls/s",
                    "each sends again as soon as its answer is in; mean of two " + window.toMillis() + " ms windows");
            table.add("calls", CLIENTS + " clients, via the calls helper", helperRate, "calls/s",
                    Table.format(helperRate / directRate) + "× direct; the agent proxy's row belongs here "
                            + "(Calls.throughput with a proxy sender)");
        }
    }

    /**
     * Calls per second that {@code clients} concurrent virtual threads get from {@code send} in {@code window},
     * each sending again as soon as its answer is in. Every answer must be 200.
     */
    static double throughput(int clients, Duration window, Callable<Integer> send) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        call(send);
                        done.increment();
                    }
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
