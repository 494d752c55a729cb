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
        return Meters.timed(() -> delegate.login(account, loginHost, credentials), Outcomes::of, (name, start) -> {
            meters.upstream("login", name, start);
            meters.loginSent(name);
        });
    }

    @Override
    public RefreshOutcome refresh(Session session) {
        RefreshOutcome outcome = Meters.timed(() -> delegate.refresh(session), Outcomes::of,
                (name, start) -> meters.upstream("refresh", name, start));
        if (outcome instanceof SessionGone) {
            meters.sessionGone(session.key());
        }
        return outcome;
    }

    @Override
    public LogoutOutcome logout(Session session) {
        return Meters.timed(() -> delegate.logout(session), Outcomes::of,
                (name, start) -> meters.upstream("logout", name, start));
    }
}
