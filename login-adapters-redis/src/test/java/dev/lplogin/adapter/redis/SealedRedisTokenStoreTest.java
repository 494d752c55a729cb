package dev.lplogin.adapter.redis;

import dev.lplogin.testkit.RedisServerExtension;
import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract, against a real redis-server, with records sealed under an AES-256 key. */
class SealedRedisTokenStoreTest extends TokenStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return RedisTokenStore.create(TestSessions.settings(REDIS).withKey(EncryptionKey.generate()).withClock(clock));
    }

    @AfterEach
    void closeStore() {
        ((RedisTokenStore) store).close();
    }
}
