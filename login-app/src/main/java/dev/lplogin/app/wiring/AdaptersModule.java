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
import java.net.URI;
import java.util.Optional;

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

    /**
     * The file store (encrypted when a store key is configured), the Redis store, or memory only. A store is tied to
     * the Domain API the sessions are obtained through when that is not LivePerson's (an emulator, a test
     * environment): a session of one is then never handed to a client of another. LivePerson's own stays untied, so
     * that sessions stored before this rule keep working.
     */
    @Provides
    @Singleton
    static TokenStore tokenStore(AdapterSettings adapters, LoginSettings settings) {
        Optional<URI> domainApi = Optional.of(adapters.http().csdsBaseUrl())
                .filter(base -> !base.equals(HttpSettings.DEFAULT_CSDS_BASE_URL));
        return switch (adapters.store()) {
            case AdapterSettings.Store.Memory memory -> new InMemoryTokenStore(settings.clock());
            case AdapterSettings.Store.Directory dir -> {
                FileTokenStore store = dir.key()
                        .map(key -> FileTokenStore.open(dir.directory(), key, settings.clock()))
                        .orElseGet(() -> FileTokenStore.open(dir.directory(), settings.clock()));
                yield domainApi.map(store::forDomainApi).orElse(store);
            }
            case AdapterSettings.Store.Redis redis -> RedisStoreWiring.open(
                    domainApi.map(redis.settings()::withDomainApi).orElse(redis.settings()), settings.clock());
        };
    }
}
