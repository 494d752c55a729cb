package dev.lplogin.adapter.metrics;

import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.InstantSource;

/** The metered store is still a correct store: it passes the whole contract around the in-memory one. */
class MeteredTokenStoreContractTest extends TokenStoreContract {

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return LoginMetrics.of(new SimpleMeterRegistry()).tokenStore(new InMemoryTokenStore(clock));
    }
}
