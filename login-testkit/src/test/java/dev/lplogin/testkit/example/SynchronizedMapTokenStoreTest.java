package dev.lplogin.testkit.example;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.testkit.TokenStoreContract;
import java.time.InstantSource;

/** All it takes to hold a custom store to the contract: extend it and say how to build a fresh store. */
class SynchronizedMapTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return new SynchronizedMapTokenStore(clock);
    }
}
