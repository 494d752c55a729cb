package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.RedisCluster;
import dev.lplogin.testkit.RedisSentinels;
import dev.lplogin.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet through a Redis failover, with real processes: three replicas ({@link FleetReplica}, each the real core in
 * its own JVM, refreshing every second and asking for the bearer every 20 ms) share one session through a highly
 * available Redis, whose primary is SIGKILLed: once behind Sentinel, once in a cluster (the primary of the session's
 * slot). What must hold: no {@code bearer()} call fails, at most one login more than the fleet's first (one extra per
 * failover), one live session shared by every replica at the end, and saves to the store resume within seconds of
 * the promotion. Prints the measured times.
 */
class FleetFailoverIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final int REPLICAS = 3;
    private static final long REFRESH_MILLIS = 1_000;
    private static final long LEASE_MILLIS = 3_000;
    private static final String PREFIX = "fleet:";

    @TempDir
    Path scratch;

    private final List<FleetReplicaProcess> replicas = new ArrayList<>();
    private AutoCloseable redis;

    @AfterEach
    void stop() throws Exception {
        replicas.forEach(FleetReplicaProcess::kill);
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void a_fleet_through_sentinel_keeps_its_session_when_the_primary_is_killed() throws Exception {
        RedisSentinels sentinels = RedisSentinels.start(1);
        redis = sentinels;
        failOver("Sentinel", sentinels.url(), () -> {
            RedisServer primary = sentinels.primary();
            primary.stop();
            return () -> sentinels.awaitFailover(primary, Duration.ofSeconds(30));
        });
    }

    @Test
    void a_fleet_in_a_cluster_keeps_its_session_when_the_sessions_primary_is_killed() throws Exception {
        RedisCluster cluster = RedisCluster.start(3, 1);
        redis = cluster;
        String sessionKey = new RedisKeys(PREFIX).session(RedisKeys.hash(FleetReplica.KEY));
        failOver("Cluster", cluster.url(), () -> {
            RedisServer primary = cluster.primaryOf(sessionKey);
            primary.stop();
            return () -> cluster.awaitFailover(sessionKey, primary, Duration.ofSeconds(30));
        });
    }

    /** @param kill kills the session's primary and returns how to wait for the promotion */
    private void failOver(String shape, String url, Supplier<Runnable> kill) throws Exception {
        LoginEmulator emulator = EMULATOR.emulator();
        Path pem = scratch.resolve("emulator.pem");
        emulator.writeCertificatePem(pem);
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(FleetReplicaProcess.start(scratch, i, emulator.baseUrl().toString(), pem.toString(), url,
                    PREFIX, REFRESH_MILLIS, LEASE_MILLIS));
        }
        for (FleetReplicaProcess replica : replicas) {
            replica.await(line -> line.equals("ready"), Duration.ofSeconds(60), "ready");
        }
        replicas.forEach(FleetReplicaProcess::go);
        for (FleetReplicaProcess replica : replicas) {
            replica.await(line -> line.startsWith("bearer "), Duration.ofSeconds(60), "a first bearer");
        }
        Thread.sleep(4_000); // steady state: real refreshes, saved through the primary
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as(this::fleetLog).isEqualTo(1);

        long killed = System.nanoTime();
        kill.get().run();
        long promoted = System.nanoTime();
        long resumed = awaitSaveAfter(promoted, Duration.ofSeconds(20));
        Thread.sleep(4_000); // and the fleet goes on refreshing on the new primary

        assertThat(replicas.stream().flatMap(r -> r.failures().stream()).toList())
                .as("bearer() calls that failed").isEmpty();
        long logins = emulator.stats().requests(Endpoint.LOGIN);
        assertThat(logins).as("logins: the first, and at most one extra for the failover; " + fleetLog())
                .isBetween(1L, 2L);
        List<String> bearers = replicas.stream().map(FleetReplicaProcess::lastBearer).toList();
        assertThat(bearers).as("one session everywhere: " + fleetLog()).containsOnly(bearers.get(0));
        assertThat(emulator.isBearerValid(bearers.get(0))).as("and it is live").isTrue();
        System.out.printf("fleet failover (%s): promoted %d ms after the kill, saves resumed %d ms after the"
                        + " promotion, %d extra login(s), 0 failed bearer() calls%n", shape,
                TimeUnit.NANOSECONDS.toMillis(promoted - killed), TimeUnit.NANOSECONDS.toMillis(resumed - promoted),
                logins - 1);
    }

    /** When the first save after {@code since} arrived from any replica. */
    private long awaitSaveAfter(long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long first = replicas.stream().flatMap(r -> r.savedAt.stream()).filter(at -> at > since)
                    .mapToLong(Long::longValue).min().orElse(0);
            if (first != 0) {
                return first;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no replica saved within " + timeout + " of the promotion; " + fleetLog());
    }

    private String fleetLog() {
        StringBuilder log = new StringBuilder("the fleet's output:");
        replicas.forEach(replica -> log.append('\n').append(replica.log()));
        return log.toString();
    }
}
