package dev.lplogin.app.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.storage.FileTokenStore;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginSettings;
import jakarta.inject.Singleton;

/**
 * Builds the driven adapters with their plain constructors and factories, configured by {@link AdapterSettings}: the
 * HTTP adapters share one {@link HttpTransport} (one connection pool, one JSON-B instance); time comes from the
 * core's clock, so leases, caches and the lifecycle agree on what "now" is.
 */
@Module
final class AdaptersModule {

    private AdaptersModule() {
    }

    @Provides
    @Singleton
    static HttpSettings httpSettings(AdapterSettings adapters) {
        return adapters.http();
    }

    @Provides
    @Singleton
    static HttpTransport httpTransport(HttpSettings settings) {
        return HttpTransport.create(settings);
    }

    @Provides
    @Singleton
    static HttpDomainLookup httpDomainLookup(HttpTransport transport, LoginSettings settings) {
        return new HttpDomainLookup(transport, settings.clock());
    }

    @Provides
    @Singleton
    static HttpAuthGateway httpAuthGateway(HttpTransport transport, LoginSettings settings) {
        return new HttpAuthGateway(transport, settings.clock());
    }

    /** Built on first use: a command served from the store loads no HTTP client, TLS or JSON-B (see LazyPorts). */
    @Provides
    @Singleton
    static DomainLookup domainLookup(Lazy<HttpDomainLookup> http) {
        return new LazyPorts.LazyDomainLookup(http);
    }

    /** Built on first use, like {@link #domainLookup}. */
    @Provides
    @Singleton
    static AuthGateway authGateway(Lazy<HttpAuthGateway> http) {
        return new LazyPorts.LazyAuthGateway(http);
    }

    /** The file store (encrypted when a store key is configured), the Redis store, or memory only. */
    @Provides
    @Singleton
    static TokenStore tokenStore(AdapterSettings adapters, LoginSettings settings) {
        return switch (adapters.store()) {
            case AdapterSettings.Store.Memory memory -> new InMemoryTokenStore(settings.clock());
            case AdapterSettings.Store.Directory dir -> dir.key()
                    .map(key -> FileTokenStore.open(dir.directory(), key, settings.clock()))
                    .orElseGet(() -> FileTokenStore.open(dir.directory(), settings.clock()));
            case AdapterSettings.Store.Redis redis -> RedisStoreWiring.open(redis.settings(), settings.clock());
        };
    }
}
