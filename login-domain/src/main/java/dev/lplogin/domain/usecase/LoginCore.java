package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import java.util.Objects;

/**
 * Assembles the core from its driven ports — the one way to build it, used by embedders directly and by the Dagger
 * wiring of {@code login-app}:
 *
 * <pre>{@code
 * LoginUseCase core = LoginCore.create(domainLookup, authGateway, tokenStore, SessionListener.NONE,
 *         LoginSettings.defaults());
 * }</pre>
 */
public final class LoginCore {

    private LoginCore() {
    }

    /**
     * A new core over the given ports. The caller owns the result and must {@link LoginUseCase#close() close} it:
     * unless {@code settings} bring their own, the core starts one daemon scheduler thread and runs network work on
     * virtual threads, and {@code close()} stops both. Nothing is read or sent before the first call.
     *
     * @throws NullPointerException if any argument is null
     */
    public static LoginUseCase create(DomainLookup domainLookup, AuthGateway authGateway, TokenStore tokenStore,
            SessionListener listener, LoginSettings settings) {
        Objects.requireNonNull(domainLookup, "domain lookup");
        Objects.requireNonNull(authGateway, "auth gateway");
        Objects.requireNonNull(tokenStore, "token store");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(settings, "settings");
        return new SessionLifecycle(domainLookup, authGateway, tokenStore, listener, settings);
    }
}
