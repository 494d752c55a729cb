package dev.lplogin.adapter.redis;

import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.saved;
import static dev.lplogin.adapter.redis.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.testkit.RedisSentinels;
import dev.lplogin.testkit.RedisServer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the store guarantees when a failover loses writes, with real processes: a primary, a replica and three
 * sentinels. Replication is asynchronous, so a lease grant and a save acknowledged by the primary can die with it.
 * Here the replica is frozen and cut off from its primary, replica A takes the lease and saves a new login on the
 * primary, the primary is SIGKILLed, and the sentinels promote the replica, which never saw A's lease or save.
 * Replica B then takes the lease (there is none on the new primary) and saves its own login at the same version A
 * had reached. A, still inside what it believes is its lease, saves once more at the version it knows: a fence from
 * a plain counter would restart low on the new primary, give B the same fence as A, and let A's save overwrite the
 * newer session B saved. The store's fences are also at least the grant time in microseconds, so B's is larger than
 * A's and A's save is refused ({@code Fenced}) with B's session: a holder whose grant was lost in a failover cannot
 * overwrite a session saved after it.
 */
class FailoverFenceTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    @Test
    void a_holder_whose_lease_was_lost_in_a_failover_cannot_overwrite_the_session_saved_after_it() {
        try (RedisSentinels redis = RedisSentinels.start(1)) {
            RedisStoreSettings settings = TestSessions.settings(redis.url());
            RedisKeys keys = new RedisKeys(settings.keyPrefix());
            String hash = RedisKeys.hash(ALICE);
            try (RedisTokenStore a = RedisTokenStore.create(settings);
                 RedisTokenStore b = RedisTokenStore.create(settings)) {
                Session first = saved(a.save(session(ALICE, "first"), 0));
                redis.awaitReplicated(Duration.ofSeconds(10));

                // the replica stalls and loses its link: from now on it misses whatever the primary acknowledges
                RedisServer primary = redis.primary();
                RedisServer replica = redis.dataNodes().stream().filter(n -> n != primary).findFirst().orElseThrow();
                replica.suspend();
                primary.command("CLIENT", "KILL", "TYPE", "replica");
                Lease lost = a.tryLease(ALICE, TTL).orElseThrow();
                Session aLogin = saved(a.save(session(ALICE, "a-login"), first.version(), lost));
                primary.stop();
                replica.resume();

                RedisServer promoted = redis.awaitFailover(primary, Duration.ofSeconds(30));
                assertThat(promoted).isSameAs(replica);
                assertThat(promoted.command("HGET", keys.session(hash), "version"))
                        .as("the promoted replica missed A's save").isEqualTo(Long.toString(first.version()));
                assertThat(promoted.command("EXISTS", keys.lease(hash))).as("and A's lease").isEqualTo("0");

                Lease granted = retried(() -> b.tryLease(ALICE, TTL)).orElseThrow();
                assertThat(granted.fence()).as("B's grant, after A's lost one").isGreaterThan(lost.fence());
                Session bLogin = saved(retried(() -> b.save(session(ALICE, "b-login"), first.version(), granted)));
                assertThat(bLogin.version()).as("B reached the version A had reached").isEqualTo(aLogin.version());

                SaveResult late = retried(() -> a.save(session(ALICE, "a-refresh"), aLogin.version(), lost));

                assertThat(late).isEqualTo(new SaveResult.Fenced(Optional.of(bLogin)));
                assertThat(b.load(ALICE)).contains(bLogin);
            }
        }
    }

    /** {@code operation}, tried again while the store is still reconnecting to the new primary (retryable errors). */
    private static <T> T retried(Supplier<T> operation) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return operation.get();
            } catch (StoreException e) {
                if (!e.retryable() || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
