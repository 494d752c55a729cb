package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisServerExtension;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract, against a real redis-server, with plaintext records. */
class RedisTokenStoreTest extends TokenStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return RedisTokenStore.create(TestSessions.settings(REDIS).withClock(clock));
    }

    @AfterEach
    void closeStore() {
        ((RedisTokenStore) store).close();
    }
}
