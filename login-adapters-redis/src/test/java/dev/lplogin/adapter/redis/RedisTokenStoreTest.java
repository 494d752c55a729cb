package dev.lplogin.adapter.redis;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract, against a real redis-server, with plaintext records. */
class RedisTokenStoreTest extends TokenStoreContract {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return RedisTokenStore.create(REDIS.settings().withClock(clock));
    }

    @AfterEach
    void closeStore() {
        ((RedisTokenStore) store).close();
    }
}
