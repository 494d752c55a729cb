package dev.lplogin.testkit;

import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.testing.FakeTokenStore;
import java.time.InstantSource;

/**
 * The lifecycle tests' in-memory store (login-domain's test jar) obeys the same contract as every real store, so
 * what those tests prove about the core holds with a real one.
 */
class FakeTokenStoreContractTest extends TokenStoreContract {

    @Override
    protected TokenStore createStore(InstantSource clock) {
        return new FakeTokenStore(clock);
    }
}
