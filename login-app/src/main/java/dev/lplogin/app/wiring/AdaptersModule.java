package dev.lplogin.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.TokenStore;
import jakarta.inject.Singleton;

/** Builds the driven adapters with their plain constructors, configured from {@link AppConfig}. */
@Module
final class AdaptersModule {

    private AdaptersModule() {
    }

    // TEMPORARY until the http and storage branches land.
    @Provides
    @Singleton
    static DomainLookup domainLookup(AppConfig config) {
        throw new UnsupportedOperationException("HTTP adapters not merged yet");
    }

    @Provides
    @Singleton
    static AuthGateway authGateway(AppConfig config) {
        throw new UnsupportedOperationException("HTTP adapters not merged yet");
    }

    @Provides
    @Singleton
    static TokenStore tokenStore(AppConfig config) {
        throw new UnsupportedOperationException("storage adapters not merged yet");
    }
}
