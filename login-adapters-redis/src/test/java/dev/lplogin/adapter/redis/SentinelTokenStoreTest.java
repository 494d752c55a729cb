package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisSentinels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract through Sentinel: a real primary, a replica and three sentinels, reached by a redis-sentinel:// URL. */
class SentinelTokenStoreTest extends RedisContractTest {

    private static RedisSentinels redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisSentinels.start(1);
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
