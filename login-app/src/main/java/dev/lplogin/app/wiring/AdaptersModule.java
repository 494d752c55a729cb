package dev.lplogin.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.lplogin.adapter.storage.FileTokenStore;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginSettings;
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

    /** The file store (encrypted when a store key is configured), or memory only; leases judged by the core's clock. */
    @Provides
    @Singleton
    static TokenStore tokenStore(AppConfig config, LoginSettings settings) {
        return switch (config.store()) {
            case AppConfig.Store.Memory memory -> new InMemoryTokenStore(settings.clock());
            case AppConfig.Store.Directory dir -> config.storeKey()
                    .map(key -> FileTokenStore.open(dir.directory(), key, settings.clock()))
                    .orElseGet(() -> FileTokenStore.open(dir.directory(), settings.clock()));
        };
    }
}
