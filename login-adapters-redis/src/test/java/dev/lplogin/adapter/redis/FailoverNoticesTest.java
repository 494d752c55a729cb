package dev.lplogin.adapter.redis;

import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.testkit.RedisCluster;
import dev.lplogin.testkit.RedisSentinels;
import dev.lplogin.testkit.RedisServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A failover with real processes, for each highly available shape: the session's primary is SIGKILLed, a replica is
 * promoted (by the sentinels, or by the cluster itself), and the same store objects — no restart — save again on the
 * new primary and hear each other's notices again. Notices in a cluster are classic pub/sub: the cluster bus carries
 * every PUBLISH to every node, so a subscriber on any node hears saves on any primary. Prints the measured times.
 */
class FailoverNoticesTest {

    private record Replaced(SessionKey key, Secret previousBearer) {
    }

    @Test
    void through_sentinel_saves_and_notices_resume_on_the_promoted_replica() throws Exception {
        try (RedisSentinels redis = RedisSentinels.start(1)) {
            failOver("sentinel", redis.url(), keys -> {
                RedisServer primary = redis.primary();
                primary.stop();
                return () -> redis.awaitFailover(primary, Duration.ofSeconds(30));
            });
        }
    }

    @Test
    void in_a_cluster_saves_and_notices_resume_on_the_promoted_replica() throws Exception {
        try (RedisCluster redis = RedisCluster.start(3, 1)) {
            failOver("cluster", redis.url(), sessionKey -> {
                RedisServer primary = redis.primaryOf(sessionKey);
                primary.stop();
                return () -> redis.awaitFailover(sessionKey, primary, Duration.ofSeconds(30));
            });
        }
    }

    /**
     * @param kill kills the primary of the given Redis key's slot and returns how to wait for its successor
     */
    private static void failOver(String shape, String url, Function<String, Promotion> kill) throws Exception {
        // the default timeouts (2 s): in a cluster, a command routed to the dead primary waits that long at most
        RedisStoreSettings settings = TestSessions.settings(url).withCommandTimeout(Duration.ofSeconds(2))
                .withConnectTimeout(Duration.ofSeconds(2));
        String sessionKey = new RedisKeys(settings.keyPrefix()).session(RedisKeys.hash(ALICE));
        BlockingQueue<Replaced> heard = new LinkedBlockingQueue<>();
        try (RedisTokenStore writer = RedisTokenStore.create(settings);
             RedisTokenStore reader = RedisTokenStore.create(settings)) {
            reader.onSessionReplaced((key, previous) -> heard.add(new Replaced(key, previous)));
            Session first = saved(writer.save(session(ALICE, "first"), 0));
            assertThat(reader.load(ALICE)).contains(first); // holds "first", subscribed
            Session second = saved(writer.save(session(ALICE, "second"), first.version()));
            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(new Replaced(ALICE, Secret.of("bearer-first")));
            reader.load(ALICE);

            long killed = System.nanoTime();
            Promotion promotion = kill.apply(sessionKey);
            promotion.await();
            long promoted = System.nanoTime();
            // what was saved before the failover reached the replica (a second is long for a loopback replica), so
            // the store continues from the version it knows
            SaveResult third = null;
            while (third == null) {
                try {
                    third = writer.save(session(ALICE, "third"), second.version());
                } catch (StoreException e) {
                    assertThat(e.retryable()).as(e.getMessage()).isTrue();
                    assertThat(System.nanoTime() - promoted).as("saves resume within 20 s of the promotion: " + e)
                            .isLessThan(Duration.ofSeconds(20).toNanos());
                    Thread.sleep(20);
                }
            }
            long resumed = System.nanoTime();
            assertThat(third).isInstanceOf(SaveResult.Saved.class);

            Replaced replaced = heard.poll(15, TimeUnit.SECONDS);
            long noticed = System.nanoTime();
            assertThat(replaced).as("the notice of the first save after the failover")
                    .isEqualTo(new Replaced(ALICE, Secret.of("bearer-second")));
            System.out.printf("%s failover: replica promoted %d ms after the kill, first save %d ms after the"
                            + " promotion, its notice heard %d ms after it%n", shape,
                    TimeUnit.NANOSECONDS.toMillis(promoted - killed), TimeUnit.NANOSECONDS.toMillis(resumed - promoted),
                    TimeUnit.NANOSECONDS.toMillis(noticed - resumed));
        }
    }

    @FunctionalInterface
    private interface Promotion {
        void await();
    }

    private static Session saved(SaveResult result) {
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved) result).session();
    }
}
