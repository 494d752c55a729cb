package dev.lplogin.adapter.storage;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;

class InMemoryTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return new InMemoryTokenStore(clock);
    }
}
