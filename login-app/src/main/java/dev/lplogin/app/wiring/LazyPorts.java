package dev.lplogin.app.wiring;

import dagger.Lazy;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.RefreshOutcome;
import java.util.Map;

/**
 * The network ports, built on their first call. Why: building the HTTP adapters builds an {@code HttpClient}, an
 * {@code SSLContext} and a JSON-B binder — about 1,700 classes and most of a command's start-up — and a command that
 * finds a fresh session in the store ({@code lp-login token}, {@code status}) never calls them. {@link Lazy} builds
 * each adapter once, thread-safely, on first use.
 */
final class LazyPorts {

    private LazyPorts() {
    }

    /** A {@link DomainLookup} that builds the real one when first asked. */
    record LazyDomainLookup(Lazy<? extends DomainLookup> real) implements DomainLookup {
        @Override
        public ServiceHost lookup(AccountId account, ServiceName service) {
            return real.get().lookup(account, service);
        }

        @Override
        public Map<ServiceName, ServiceHost> lookupAll(AccountId account) {
            return real.get().lookupAll(account);
        }

        @Override
        public void seed(AccountId account, Map<ServiceName, ServiceHost> services) {
            real.get().seed(account, services);
        }

        @Override
        public String toString() {
            return "LazyDomainLookup";
        }
    }

    /** An {@link AuthGateway} that builds the real one when first asked. */
    record LazyAuthGateway(Lazy<? extends AuthGateway> real) implements AuthGateway {
        @Override
        public LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
            return real.get().login(account, loginHost, credentials);
        }

        @Override
        public RefreshOutcome refresh(Session session) {
            return real.get().refresh(session);
        }

        @Override
        public LogoutOutcome logout(Session session) {
            return real.get().logout(session);
        }

        @Override
        public String toString() {
            return "LazyAuthGateway";
        }
    }
}
