package dev.lplogin.bench;

import dev.lplogin.adapter.redis.RedisStoreSettings;
import dev.lplogin.adapter.redis.RedisTokenStore;
import dev.lplogin.emulator.EmulatorStats;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A fleet of N replicas (N = 1, 3, 10; each a core with keep-alive, its own HTTP transport and its own
 * {@link RedisTokenStore} connections, in this one process) sharing one session through a real {@code redis-server},
 * each asked for the bearer every 20 ms, over ten refresh intervals of one second. Counts what the fleet costs
 * upstream and in Redis: refreshes per interval (want 1, not N), logins (want 1, not N) and Redis commands per replica
 * per interval, from {@code INFO commandstats} (reset once the fleet is warm, so connecting is not counted).
 */
final class Fleet {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration LEASE = Duration.ofSeconds(3);

    private Fleet() {
    }

    static void run(Bench.Mode mode, Table table) throws InterruptedException {
        List<Integer> sizes = mode == Bench.Mode.SMOKE ? List.of(1, 3) : List.of(1, 3, 10);
        int intervals = mode == Bench.Mode.SMOKE ? 2 : 10;
        try (Fixture fixture = Fixture.start(); RedisServer redis = RedisServer.start()) {
            for (int n : sizes) {
                measure(fixture, redis, n, intervals, table);
            }
        }
    }

    private static void measure(Fixture fixture, RedisServer redis, int n, int intervals, Table table)
            throws InterruptedException {
        EmulatorStats before = fixture.emulator.stats();
        List<Fixture.Client> clients = new ArrayList<>();
        List<RedisTokenStore> stores = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                RedisTokenStore store = RedisTokenStore.create(RedisStoreSettings.of(redis.url())
                        .withKeyPrefix("fleet" + n + ":"));
                stores.add(store);
                Fixture.Client client = Fixture.Client.create(
                        Fixture.httpSettings(fixture.emulator.baseUrl(), fixture.certificate),
                        Fixture.settings().refreshInterval(INTERVAL).leaseTtl(LEASE).build(), event -> {
                        }, gateway -> gateway, store);
                clients.add(client);
                store.onSessionReplaced(client.core()::invalidate);
                client.core().useCredentials(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);
            }
            // every replica asks at once: one logs in under the lease, the others wait and reuse what it saved
            List<Thread> first = clients.stream()
                    .map(c -> Thread.ofVirtual().start(() -> c.core().bearer(Fixture.DEMO))).toList();
            for (Thread thread : first) {
                thread.join();
            }
            Thread.sleep(INTERVAL.toMillis()); // every replica through one keep-alive tick: warm
            redis.command("CONFIG", "RESETSTAT");
            EmulatorStats start = fixture.emulator.stats();
            for (Fixture.Client client : clients) {
                callers.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        try {
                            client.core().bearer(Fixture.DEMO);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            Thread.sleep(INTERVAL.toMillis() * intervals);
            running.set(false);
            for (Thread caller : callers) {
                caller.join();
            }
            Map<String, Long> commands = commandCalls(redis);
            EmulatorStats end = fixture.emulator.stats();

            long refreshes = end.requests(Endpoint.REFRESH) - start.requests(Endpoint.REFRESH);
            long logins = end.requests(Endpoint.LOGIN) - before.requests(Endpoint.LOGIN);
            long total = commands.values().stream().mapToLong(Long::longValue).sum();
            double perReplica = (double) total / n / intervals;
            String of = n + " replica" + (n > 1 ? "s" : "") + ", " + intervals + " intervals of " + INTERVAL.toMillis()
                    + " ms";
            table.add("fleet", "N=" + n + " upstream refreshes per interval", (double) refreshes / intervals,
                    "refreshes", "want 1, not " + n + "; " + refreshes + " in " + intervals + " intervals");
            table.add("fleet", "N=" + n + " logins", logins, "logins", "want 1; " + of);
            table.add("fleet", "N=" + n + " Redis commands per replica per interval", perReplica, "commands",
                    breakdown(commands, n, intervals));
            table.add("fleet", "N=" + n + " failed bearer() calls", failures.get(), "calls", "want 0; " + of);
        } finally {
            running.set(false);
            clients.forEach(Fixture.Client::close);
            stores.forEach(RedisTokenStore::close);
        }
    }

    /** Calls per command since the reset, from {@code INFO commandstats}, less the benchmark's own INFO/CONFIG. */
    private static Map<String, Long> commandCalls(RedisServer redis) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : redis.command("INFO", "commandstats").lines().toList()) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            if (name.equals("info") || name.startsWith("config")) {
                continue;
            }
            String count = line.substring(line.indexOf("calls=") + "calls=".length());
            calls.put(name, Long.parseLong(count.substring(0, count.indexOf(','))));
        }
        return calls;
    }

    /** The commands, most called first, per replica per interval: {@code evalsha 2.1, hmget 1.0}. */
    private static String breakdown(Map<String, Long> calls, int n, int intervals) {
        return calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey().toUpperCase(Locale.ROOT),
                        (double) e.getValue() / n / intervals))
                .collect(Collectors.joining(", "));
    }
}
