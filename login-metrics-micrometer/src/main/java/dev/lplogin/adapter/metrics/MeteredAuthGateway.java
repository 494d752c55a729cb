package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.SessionGone;
import java.util.Objects;

/**
 * An {@link AuthGateway} that times every call ({@code lplogin.upstream.calls}, operation {@code login},
 * {@code refresh} or {@code logout}, by outcome) and counts the logins sent ({@code lplogin.logins.sent}). One call of
 * the port may be several HTTP requests when the adapter retries (spec §3.4): the timer measures the call as the core
 * waits for it, retries included; the retries themselves are invisible through the port.
 *
 * <p>It also notes which sessions a refresh found gone, so that the listener can tell a re-login after a kill from
 * one after an expiry ({@code lplogin.relogins}, reason). Thread-safe; delegates everything, changes nothing.
 */
public final class MeteredAuthGateway implements AuthGateway {

    private final AuthGateway delegate;
    private final Meters meters;

    MeteredAuthGateway(AuthGateway delegate, Meters meters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
        long start = System.nanoTime();
        try {
            LoginOutcome outcome = delegate.login(account, loginHost, credentials);
            String name = Outcomes.of(outcome);
            meters.upstream("login", name, start);
            meters.loginSent(name);
            return outcome;
        } catch (RuntimeException e) {
            meters.upstream("login", Outcomes.of(e), start);
            meters.loginSent(Outcomes.of(e));
            throw e;
        }
    }

    @Override
    public RefreshOutcome refresh(Session session) {
        long start = System.nanoTime();
        try {
            RefreshOutcome outcome = delegate.refresh(session);
            meters.upstream("refresh", Outcomes.of(outcome), start);
            if (outcome instanceof SessionGone) {
                meters.sessionGone(session.key());
            }
            return outcome;
        } catch (RuntimeException e) {
            meters.upstream("refresh", Outcomes.of(e), start);
            throw e;
        }
    }

    @Override
    public LogoutOutcome logout(Session session) {
        long start = System.nanoTime();
        try {
            LogoutOutcome outcome = delegate.logout(session);
            meters.upstream("logout", Outcomes.of(outcome), start);
            return outcome;
        } catch (RuntimeException e) {
            meters.upstream("logout", Outcomes.of(e), start);
            throw e;
        }
    }
}
