package dev.lplogin.calls;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The real core, with a count of the {@code invalidate} calls that reach it through the helper. */
final class CountingLoginUseCase implements LoginUseCase {

    private final LoginUseCase core;
    private final AtomicInteger invalidations = new AtomicInteger();

    CountingLoginUseCase(LoginUseCase core) {
        this.core = core;
    }

    int invalidations() {
        return invalidations.get();
    }

    @Override
    public void invalidate(SessionKey key, Secret rejectedBearer) {
        invalidations.incrementAndGet();
        core.invalidate(key, rejectedBearer);
    }

    @Override
    public LoginOutcome login(AccountId account, Credentials credentials) {
        return core.login(account, credentials);
    }

    @Override
    public void useCredentials(AccountId account, Credentials credentials) {
        core.useCredentials(account, credentials);
    }

    @Override
    public Secret bearer(SessionKey key) {
        return core.bearer(key);
    }

    @Override
    public SessionInfo refresh(SessionKey key) {
        return core.refresh(key);
    }

    @Override
    public boolean logout(SessionKey key) {
        return core.logout(key);
    }

    @Override
    public ServiceHost serviceHost(AccountId account, ServiceName service) {
        return core.serviceHost(account, service);
    }

    @Override
    public Map<ServiceName, ServiceHost> serviceHosts(AccountId account) {
        return core.serviceHosts(account);
    }

    @Override
    public int logoutAll() {
        return core.logoutAll();
    }

    @Override
    public List<SessionInfo> sessions() {
        return core.sessions();
    }

    @Override
    public Optional<SessionInfo> session(SessionKey key) {
        return core.session(key);
    }

    @Override
    public void close() {
        core.close();
    }
}
