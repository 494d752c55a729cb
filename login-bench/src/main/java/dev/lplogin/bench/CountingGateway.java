package dev.lplogin.bench;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.RefreshOutcome;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The real gateway, counting the calls the core makes and noting when the last login returned. A call is one
 * operation; the requests the emulator counts beyond the calls are the adapter's retries.
 */
final class CountingGateway implements AuthGateway {

    private final AuthGateway real;
    final AtomicLong started = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong loginReturnedAt = new AtomicLong();

    CountingGateway(AuthGateway real) {
        this.real = real;
    }

    @Override
    public LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
        LoginOutcome outcome = counted(() -> real.login(account, loginHost, credentials));
        loginReturnedAt.set(System.nanoTime());
        return outcome;
    }

    @Override
    public RefreshOutcome refresh(Session session) {
        return counted(() -> real.refresh(session));
    }

    @Override
    public LogoutOutcome logout(Session session) {
        return real.logout(session);
    }

    private <T> T counted(Supplier<T> call) {
        inFlight.incrementAndGet();
        started.incrementAndGet();
        try {
            return call.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
