package dev.lplogin.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.metrics.LoginMetrics;
import dev.lplogin.calls.LivePersonCalls;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Builds the core with {@link LoginCore#create}: Dagger and hand-wiring embedders build it the same way. */
@Module
final class CoreModule {

    private CoreModule() {
    }

    /** The core; with a registry, its ports and events metered by {@link LoginMetrics} (the same three lines). */
    @Provides
    @Singleton
    static LoginUseCase loginUseCase(DomainLookup domainLookup, AuthGateway authGateway, TokenStore tokenStore,
            SessionListener listener, LoginSettings settings, Optional<MeterRegistry> metrics,
            AdapterSettings adapters) {
        LoginUseCase core;
        if (metrics.isEmpty()) {
            core = LoginCore.create(domainLookup, authGateway, tokenStore, listener, settings);
        } else {
            LoginMetrics metered = LoginMetrics.of(metrics.get(), settings.clock());
            core = LoginCore.create(metered.domainLookup(domainLookup), metered.authGateway(authGateway),
                    metered.tokenStore(tokenStore), metered.listener(listener), settings);
            metered.watch(core);
        }
        if (adapters.store() instanceof AdapterSettings.Store.Redis) {
            RedisStoreWiring.dropReplacedBearers(tokenStore, core);
        }
        return core;
    }

    /**
     * Calls to other LivePerson APIs with the core's bearers, on the adapters' shared transport (lp-login api, the
     * agent's proxy, embedders).
     */
    @Provides
    @Singleton
    static LivePersonCalls livePersonCalls(LoginUseCase login, HttpTransport transport) {
        return new LivePersonCalls(login, transport);
    }
}
