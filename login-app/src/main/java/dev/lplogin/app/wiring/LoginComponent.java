package dev.lplogin.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.lplogin.calls.LivePersonCalls;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The application's object graph: the HTTP adapters and token store built from {@link AdapterSettings}, and the core
 * built from them by {@code LoginCore.create} (the same factory embedders without Dagger call).
 *
 * <pre>{@code
 * AdapterSettings adapters = new AdapterSettings(HttpSettings.defaults(),
 *         new AdapterSettings.Store.Directory(dir, Optional.empty()));
 * LoginComponent app = LoginComponent.create(adapters, LoginSettings.defaults(), SessionListener.NONE);
 * try (LoginUseCase login = app.loginUseCase()) { ... }
 * }</pre>
 *
 * <p>The component hands out the driving port only: every use — logins, bearers, where a service lives
 * ({@link LoginUseCase#serviceHost}) — goes through it. The caller owns the {@link LoginUseCase} and must close it.
 */
@Singleton
@Component(modules = {AdaptersModule.class, CoreModule.class})
public interface LoginComponent {

    /** The core; the same instance on every call. */
    LoginUseCase loginUseCase();

    /**
     * Calls to other LivePerson APIs with the bearers of {@link #loginUseCase()}'s sessions, on the same HTTP
     * transport (docs/calls.md); the same instance on every call.
     */
    LivePersonCalls livePersonCalls();

    /** Builds a component; each argument becomes part of the graph. */
    @Component.Factory
    interface Factory {
        LoginComponent create(@BindsInstance AdapterSettings adapters, @BindsInstance LoginSettings settings,
                @BindsInstance SessionListener listener, @BindsInstance Optional<MeterRegistry> metrics);
    }

    /** A component for {@code adapters}, with lifecycle {@code settings} and {@code listener} for session events. */
    static LoginComponent create(AdapterSettings adapters, LoginSettings settings, SessionListener listener) {
        return DaggerLoginComponent.factory().create(adapters, settings, listener, Optional.empty());
    }

    /**
     * Like {@link #create(AdapterSettings, LoginSettings, SessionListener)}, with the core's ports and events metered
     * into {@code metrics} (login-metrics-micrometer; docs/metrics.md).
     */
    static LoginComponent create(AdapterSettings adapters, LoginSettings settings, SessionListener listener,
            MeterRegistry metrics) {
        return DaggerLoginComponent.factory().create(adapters, settings, listener, Optional.of(metrics));
    }
}
