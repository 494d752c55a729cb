package dev.lplogin.adapter.redis;

import static dev.lplogin.adapter.redis.TestSessions.ALICE;
import static dev.lplogin.adapter.redis.TestSessions.saved;
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
 * new primary and hear each other's notices again (pub/sub keeps nothing for a subscriber that is reconnecting, so
 * the first notices after the promotion may be lost; later ones are heard). Notices in a cluster are classic pub/sub: the cluster bus carries
 * every PUBLISH to every node, so a subscriber on any node hears saves on any primary. Prints the measured times.
 */
class FailoverNoticesTest {

    private record Replaced(SessionKey key, Secret previousBearer) {
    }

    @Test
    void through_sentinel_saves_and_notices_resume_on_the_promoted_replica() throws Exception {
        try (RedisSentinels redis = RedisSentinels.start(1)) {
            failOver("sentinel", redis.url(), keys -> {
                redis.awaitReplicated(Duration.ofSeconds(10));
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
                redis.awaitReplicated(sessionKey, Duration.ofSeconds(10));
                RedisServer primary = redis.primaryOf(sessionKey);
                primary.stop();
                return () -> redis.awaitFailover(sessionKey, primary, Duration.ofSeconds(30));
            });
        }
    }

    /**
     * @param kill waits until the replicas have what the primary of the given Redis key's slot wrote, kills that
     *             primary, and returns how to wait for its successor
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
            // what was saved before the failover had reached the replica, so the store continues from the version it
            // knows
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
            Session last = saved(third);

            // pub/sub keeps nothing for a subscriber that is still reconnecting: the writer logs in anew every half
            // second until the reader hears one (the reader last saw "second")
            Replaced replaced = heard.poll(500, TimeUnit.MILLISECONDS);
            for (int login = 4; replaced == null && System.nanoTime() - promoted < Duration.ofSeconds(15).toNanos();
                 login++) {
                last = saved(writer.save(session(ALICE, "login-" + login), last.version()));
                replaced = heard.poll(500, TimeUnit.MILLISECONDS);
            }
            long noticed = System.nanoTime();
            assertThat(replaced).as("a notice heard within 15 s of the promotion")
                    .isEqualTo(new Replaced(ALICE, Secret.of("bearer-second")));
            System.out.printf("%s failover: replica promoted %d ms after the kill, first save %d ms after the"
                            + " promotion, notices heard again %d ms after the promotion%n", shape,
                    TimeUnit.NANOSECONDS.toMillis(promoted - killed), TimeUnit.NANOSECONDS.toMillis(resumed - promoted),
                    TimeUnit.NANOSECONDS.toMillis(noticed - promoted));
        }
    }

    @FunctionalInterface
    private interface Promotion {
        void await();
    }
}
