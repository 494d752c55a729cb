package dev.lplogin.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import jakarta.inject.Singleton;

/** Builds the core with {@link LoginCore#create}: Dagger and hand-wiring embedders build it the same way. */
@Module
final class CoreModule {

    private CoreModule() {
    }

    @Provides
    @Singleton
    static LoginUseCase loginUseCase(DomainLookup domainLookup, AuthGateway authGateway, TokenStore tokenStore,
            SessionListener listener, LoginSettings settings) {
        return LoginCore.create(domainLookup, authGateway, tokenStore, listener, settings);
    }
}
