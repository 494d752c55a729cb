package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A gateway and lookup that answer from a script (the metrics are about what the core sees through the ports, so the
 * ports' answers are what the tests choose). Logins succeed with a new bearer each unless scripted otherwise.
 */
final class ScriptedGateway implements AuthGateway, DomainLookup {

    static final ServiceHost HOST = ServiceHost.of("login.example.test");

    final Deque<Function<Session, RefreshOutcome>> refreshes = new ArrayDeque<>();
    final Deque<LoginOutcome> logins = new ArrayDeque<>();
    final AtomicInteger bearers = new AtomicInteger();
    RuntimeException lookupFailure;

    static Session session(SessionKey key, String bearer) {
        Instant now = Instant.now();
        return new Session(key, HOST, Secret.of(bearer), Secret.of("csrf"), List.of(), "user-id-1", Optional.empty(),
                now, now, Optional.empty(), 0);
    }

    @Override
    public synchronized LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
        LoginOutcome scripted = logins.poll();
        if (scripted != null) {
            return scripted;
        }
        return new LoggedIn(session(new SessionKey(account, credentials.username()),
                "bearer-" + bearers.incrementAndGet()), Map.of());
    }

    @Override
    public synchronized RefreshOutcome refresh(Session session) {
        Function<Session, RefreshOutcome> scripted = refreshes.poll();
        return scripted != null ? scripted.apply(session) : new Refreshed(session);
    }

    @Override
    public LogoutOutcome logout(Session session) {
        return LogoutOutcome.LOGGED_OUT;
    }

    @Override
    public ServiceHost lookup(AccountId account, ServiceName service) {
        if (lookupFailure != null) {
            throw lookupFailure;
        }
        return HOST;
    }

    @Override
    public Map<ServiceName, ServiceHost> lookupAll(AccountId account) {
        return Map.of(ServiceName.LOGIN, lookup(account, ServiceName.LOGIN));
    }
}
