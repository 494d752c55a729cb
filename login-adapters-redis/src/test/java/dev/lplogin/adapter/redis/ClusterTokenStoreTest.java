package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on a real three-primary Redis Cluster, reached by a redis-cluster:// URL: the scripts run on the
 * primary of each session's slot (its keys share one hash tag), and list() scans every primary.
 */
class ClusterTokenStoreTest extends RedisContractTest {

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
    String url() {
        return redis.url();
    }
}
