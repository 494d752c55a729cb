package dev.lplogin.app.wiring;

import dev.lplogin.adapter.metrics.LoginMetrics;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A core whose ports and events are metered into a {@link MeterRegistry} (the agent's {@code /metrics}): the
 * component's adapters, each wrapped by {@link LoginMetrics}, plugged into {@link LoginCore#create} — the same three
 * lines an embedder without Dagger writes.
 */
public final class MeteredCore {

    private MeteredCore() {
    }

    /**
     * A new core built from {@code component}'s adapters (its own {@code loginUseCase()} is left unbuilt), metered
     * into {@code registry}; the caller owns it and must close it.
     */
    public static LoginUseCase create(LoginComponent component, LoginSettings settings, SessionListener listener,
            MeterRegistry registry) {
        LoginMetrics metrics = LoginMetrics.of(registry, settings.clock());
        LoginUseCase core = LoginCore.create(metrics.domainLookup(component.domainLookup()),
                metrics.authGateway(component.authGateway()), metrics.tokenStore(component.tokenStore()),
                metrics.listener(listener), settings);
        metrics.watch(core);
        return core;
    }
}
