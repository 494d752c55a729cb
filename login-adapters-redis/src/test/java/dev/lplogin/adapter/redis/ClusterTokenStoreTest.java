package dev.lplogin.adapter.redis;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.RedisCluster;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on a real three-primary Redis Cluster, reached by a redis-cluster:// URL: the scripts run on the
 * primary of each session's slot (its keys share one hash tag), and list() scans every primary.
 */
class ClusterTokenStoreTest extends TokenStoreContract {

    private static RedisCluster redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisCluster.start(3, 0);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return RedisTokenStore.create(TestSessions.settings(redis.url()).withClock(clock));
    }

    @AfterEach
    void closeStore() {
        ((RedisTokenStore) store).close();
    }
}
