package dev.lplogin.adapter.redis;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract against a Redis deployment a subclass starts once for the class (Sentinel, Cluster): a fresh store
 * under a fresh key prefix for every test, closed after it.
 */
abstract class RedisContractTest extends TokenStoreContract {

    /** The URL of the deployment, started by the subclass before the first test. */
    abstract String url();

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return RedisTokenStore.create(TestSessions.settings(url()).withClock(clock));
    }

    @AfterEach
    void closeStore() {
        ((RedisTokenStore) store).close();
    }
}
