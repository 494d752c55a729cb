package dev.lplogin.app.cli;

import dev.lplogin.app.wiring.AppConfig;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;

/** Shared by the commands that need a live session: find the key, and hand the core any credentials in the env. */
final class Sessions {

    private Sessions() {
    }

    /**
     * The session key for {@code config} (see {@link SessionTarget}), after giving {@code core} the environment's
     * credentials for it so that it can log in by itself when nothing live is stored.
     */
    static SessionKey target(LpLoginCommand root, AppConfig config, LoginUseCase core) {
        SessionKey key = SessionTarget.require(config, core);
        new CredentialSources(root.env(), root.terminal()).fromEnvironment(key.loginName())
                .ifPresent(credentials -> core.useCredentials(key.account(), credentials));
        return key;
    }

    /**
     * Refreshes {@code key} at the service now and returns the confirmed session. The session is first brought into
     * the core with {@link LoginUseCase#bearer} (from the store, or a login with held credentials): in a fresh process
     * the core's {@code refresh} alone would only adopt the stored session without asking the service, and a
     * keep-alive timer planned while adopting an already-due session can be lost (reported to the lifecycle owner).
     */
    static SessionInfo refreshNow(LoginUseCase core, SessionKey key) {
        core.bearer(key);
        return core.refresh(key);
    }
}
