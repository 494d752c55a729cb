package dev.lplogin.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet: three replicas, each the real core with keep-alive in its own JVM ({@link FleetReplica}), sharing one real
 * Redis and one emulated Login Service with one session per user, refreshing every second for real. In one run of
 * about a minute and a half: a minute of steady state, the lease holder SIGKILLed in the middle of a refresh, then
 * Redis down for a while and back.
 */
class FleetIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final int REPLICAS = 3;
    private static final long REFRESH_MILLIS = 1_000;
    private static final long LEASE_MILLIS = 3_000;

    @TempDir
    Path scratch;

    private final List<FleetReplicaProcess> replicas = new ArrayList<>();
    private RedisServer redis;

    @AfterEach
    void stop() {
        replicas.forEach(FleetReplicaProcess::kill);
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void replicas_share_one_login_survive_a_killed_lease_holder_and_a_redis_outage() throws Exception {
        LoginEmulator emulator = EMULATOR.emulator();
        redis = RedisServer.start();
        Path pem = scratch.resolve("emulator.pem");
        emulator.writeCertificatePem(pem);
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(FleetReplicaProcess.start(scratch, i, emulator.baseUrl().toString(), pem.toString(),
                    redis.url(), "fleet:", REFRESH_MILLIS, LEASE_MILLIS));
        }

        for (FleetReplicaProcess replica : replicas) {
            replica.await(line -> line.equals("ready"), Duration.ofSeconds(60), "ready");
        }
        replicas.forEach(FleetReplicaProcess::go);

        // --- steady state: one login, real refreshes, one bearer everywhere, no 401 -------------------------------
        for (FleetReplicaProcess replica : replicas) {
            replica.await(line -> line.startsWith("bearer "), Duration.ofSeconds(60), "a first bearer");
        }
        Thread.sleep(60_000); // a full minute of real refreshes, as a fleet runs them
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as(this::fleetLog).isEqualTo(1);
        assertThat(emulator.stats().requests(Endpoint.REFRESH)).as("real refreshes in 60 s").isGreaterThanOrEqualTo(20);
        assertThat(emulator.stats().status(401)).as("refreshes refused as a competing login killed the session")
                .isZero();
        String bearer = sameBearerEverywhere(emulator);
        assertNoFailures();

        // --- the lease holder dies in the middle of a (slow) refresh -----------------------------------------------
        emulator.inject(Fault.delay(Endpoint.REFRESH, Duration.ofSeconds(4), 1));
        // the one that has held the lease for a while is waiting for the slow refresh, renewing its lease
        FleetReplicaProcess holder = awaitLeaseHolder(replicas, Duration.ofMillis(500), Duration.ofSeconds(10));
        long refreshesBefore = emulator.stats().requests(Endpoint.REFRESH);
        holder.kill();
        long killedAt = System.nanoTime();
        List<FleetReplicaProcess> survivors = replicas.stream().filter(r -> r != holder).toList();
        FleetReplicaProcess successor = awaitLeaseHolder(survivors, Duration.ZERO, Duration.ofSeconds(10));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(takeover).as("another replica takes the lease over").isLessThan(Duration.ofMillis(LEASE_MILLIS * 3));
        successor.await(line -> line.equals("event Refreshed") || line.equals("event ReusedStored"),
                Duration.ofSeconds(10), "the successor's refresh");
        assertThat(emulator.stats().requests(Endpoint.REFRESH)).isGreaterThan(refreshesBefore);
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("still one login").isEqualTo(1);
        assertThat(sameBearerEverywhere(emulator, survivors)).isEqualTo(bearer);

        // --- Redis goes down for longer than a refresh interval, then comes back empty -----------------------------
        survivors.forEach(FleetReplicaProcess::clearFailures);
        redis.stop();
        Thread.sleep(5_000);
        assertThat(failures(survivors)).as("bearer() calls that failed while Redis was down").isEmpty();
        redis.restart();
        survivors.forEach(FleetReplicaProcess::clearEvents);
        for (FleetReplicaProcess replica : survivors) {
            replica.await(line -> line.startsWith("leased "), Duration.ofSeconds(15), "a lease from the new Redis");
        }
        Thread.sleep(3_000);
        assertThat(failures(survivors)).as("bearer() calls that failed after Redis came back").isEmpty();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("no login storm").isEqualTo(1);
        assertThat(emulator.stats().status(401)).isZero();
        assertThat(sameBearerEverywhere(emulator, survivors)).isEqualTo(bearer);
        assertThat(redis.command("HEXISTS", "fleet:{" + RedisKeys.hash(FleetReplica.KEY) + "}:session", "record"))
                .as("the session is stored again").isEqualTo("1");
    }

    /** What every replica printed (and its stderr), for a failure message. */
    private String fleetLog() {
        StringBuilder log = new StringBuilder("the fleet's output:");
        replicas.forEach(replica -> log.append('\n').append(replica.log()));
        return log.toString();
    }

    private String sameBearerEverywhere(LoginEmulator emulator) {
        return sameBearerEverywhere(emulator, replicas);
    }

    private static String sameBearerEverywhere(LoginEmulator emulator, List<FleetReplicaProcess> fleet) {
        List<String> bearers = fleet.stream().map(FleetReplicaProcess::lastBearer).toList();
        assertThat(bearers).as("the bearer each replica hands out").containsOnly(bearers.get(0));
        assertThat(emulator.isBearerValid(bearers.get(0))).as("the shared bearer is valid").isTrue();
        return bearers.get(0);
    }

    private void assertNoFailures() {
        assertThat(failures(replicas)).as("failed bearer() calls").isEmpty();
    }

    private static List<String> failures(List<FleetReplicaProcess> fleet) {
        return fleet.stream().flatMap(r -> r.failures().stream()).toList();
    }

    /** The replica that has held the lease (taken, not released) for at least {@code held}, waiting for one. */
    private static FleetReplicaProcess awaitLeaseHolder(List<FleetReplicaProcess> fleet, Duration held, Duration timeout)
            throws InterruptedException {
        fleet.forEach(FleetReplicaProcess::clearEvents);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (FleetReplicaProcess replica : fleet) {
                if (replica.heldLeaseFor(held)) {
                    return replica;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no replica took the lease within " + timeout);
    }
}
