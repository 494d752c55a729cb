package dev.lplogin.adapter.redis;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.RedisSentinels;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contract through Sentinel: a real primary, a replica and three sentinels, reached by a redis-sentinel:// URL. */
class SentinelTokenStoreTest extends TokenStoreContract {

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
    protected TokenStore createStore(InstantSource clock) {
        return RedisTokenStore.create(TestSessions.settings(redis.url()).withClock(clock));
    }

    @AfterEach
    void closeStore() {
        ((RedisTokenStore) store).close();
    }
}
