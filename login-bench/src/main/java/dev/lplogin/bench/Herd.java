package dev.lplogin.bench;

import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.EmulatorStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A thundering herd: {@code threads} virtual threads blocked on one gate, released at once, each asking
 * {@code bearer()} of a session that just died ({@code invalidate}, as after a 401 from another API). Counts the logins the emulator
 * receives (want 1 per release) and each caller's wait from the release, beside one login's round trip measured
 * alone; "herd done − login done" is how long after the one login returned the last caller had its bearer.
 */
final class Herd {

    private Herd() {
    }

    static void run(Bench.Mode mode, Table table) throws InterruptedException {
        int threads = mode == Bench.Mode.SMOKE ? 100 : 1_000;
        int rounds = switch (mode) {
            case FULL -> 20;
            case QUICK -> 5;
            case SMOKE -> 1;
        };
        CountingGateway[] gateway = new CountingGateway[1];
        try (Fixture fixture = Fixture.start();
             Fixture.Client client = Fixture.Client.create(
                     Fixture.httpSettings(fixture.emulator.baseUrl(), fixture.certificate),
                     Fixture.settings().keepAlive(false).build(), event -> {
                     }, real -> gateway[0] = new CountingGateway(real))) {
            client.login(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);

            // one login's round trip alone, warm (connection open, Domain API answer cached): the herd's floor
            int alone = mode == Bench.Mode.SMOKE ? 2 : 10;
            long[] loginAlone = new long[alone];
            for (int i = 0; i < alone; i++) {
                long start = System.nanoTime();
                client.login(Fixture.ACCOUNT, Fixture.DEMO_CREDENTIALS);
                loginAlone[i] = System.nanoTime() - start;
            }

            List<Long> waits = new ArrayList<>();
            long maxLogins = 0;
            long totalLogins = 0;
            long[] afterLogin = new long[rounds];
            // round -1 warms the JIT up on this very path and is not counted
            for (int round = mode == Bench.Mode.SMOKE ? 0 : -1; round < rounds; round++) {
                // the session dies as a 401 from another API reports it: the next bearer() must log in again (the
                // same path a session past its idle timeout takes, without waiting 30 minutes)
                client.core().invalidate(Fixture.DEMO, client.core().bearer(Fixture.DEMO));
                EmulatorStats before = fixture.emulator.stats();
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch gate = new CountDownLatch(1);
                long[] done = new long[threads];
                Thread[] herd = new Thread[threads];
                for (int i = 0; i < threads; i++) {
                    int index = i;
                    herd[i] = Thread.ofVirtual().start(() -> {
                        ready.countDown();
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        client.core().bearer(Fixture.DEMO);
                        done[index] = System.nanoTime();
                    });
                }
                ready.await();
                long released = System.nanoTime();
                gate.countDown();
                for (Thread thread : herd) {
                    thread.join();
                }
                long herdDone = 0;
                long logins = fixture.emulator.stats().requests(Endpoint.LOGIN) - before.requests(Endpoint.LOGIN);
                if (round < 0) {
                    continue;
                }
                for (long end : done) {
                    if (end == 0) {
                        throw new IllegalStateException("a herd thread got no bearer");
                    }
                    waits.add(end - released);
                    herdDone = Math.max(herdDone, end);
                }
                maxLogins = Math.max(maxLogins, logins);
                totalLogins += logins;
                afterLogin[round] = herdDone - gateway[0].loginReturnedAt.get();
            }
            long[] w = waits.stream().mapToLong(Long::longValue).toArray();
            String of = threads + " virtual threads × " + rounds + " release" + (rounds > 1 ? "s" : "");
            table.add("herd", "upstream logins per release (max)", maxLogins, "logins",
                    "want 1; " + totalLogins + " in " + rounds);
            table.add("herd", "wait p50", Stats.millis(Stats.percentile(w, 50)), "ms", of);
            table.add("herd", "wait p99", Stats.millis(Stats.percentile(w, 99)), "ms", of);
            table.add("herd", "wait max", Stats.millis(Stats.percentile(w, 100)), "ms", of);
            table.add("herd", "one login alone (median)", Stats.millis(Stats.median(loginAlone)), "ms",
                    "LoginUseCase.login, warm connection, " + alone + " runs");
            table.add("herd", "herd done − login done (median)", Stats.millis(Stats.median(afterLogin)), "ms",
                    "max " + Table.format(Stats.millis(Stats.percentile(afterLogin, 100))) + " ms");
        }
    }
}
