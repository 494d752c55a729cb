package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.usecase.LoginUseCase;

/** What the session commands share: find the key, hand the core the environment's credentials, map a login. */
final class Sessions {

    private Sessions() {
    }

    /**
     * The session key for {@code config} (see {@link SessionTarget}), after giving {@code core} the environment's
     * credentials for it so that it can log in by itself when nothing live is stored.
     */
    static SessionKey target(LpLoginCommand root, AppConfig config, LoginUseCase core) {
        SessionKey key = SessionTarget.require(config, core);
        root.credentialSources().fromEnvironment(key.loginName())
                .ifPresent(credentials -> core.useCredentials(key.account(), credentials));
        return key;
    }

    /**
     * The new session of a login, or the failure that says why there is none (exit 3, 4 or 5).
     *
     * @throws CliException if the login was rejected, blocked or rate limited
     */
    static SessionInfo loggedIn(LoginOutcome outcome, SessionKey key) {
        return switch (outcome) {
            case LoggedIn in -> SessionInfo.of(in.session(), Freshness.FRESH);
            case CredentialsRejected rejected -> throw Failures.rejected(key, rejected);
            case Blocked blocked -> throw Failures.blocked(key, blocked);
            case RateLimited limited -> throw Failures.rateLimited(key, limited);
        };
    }
}
