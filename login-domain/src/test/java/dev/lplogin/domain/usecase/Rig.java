package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.testing.FakeTokenStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lifecycle on a fake clock, a manual scheduler and in-memory fakes of every port. Network work runs directly
 * on the calling thread unless a test says otherwise, so everything is deterministic.
 */
final class Rig implements AutoCloseable {

    static final AccountId ACCOUNT = AccountId.of("12345678");
    static final Credentials CREDENTIALS = new Credentials.UserPassword("bot", Secret.of("pw-1"));
    static final SessionKey KEY = new SessionKey(ACCOUNT, "bot");

    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final FakeAuthGateway gateway = new FakeAuthGateway(clock);
    final FakeDomainLookup lookup = new FakeDomainLookup();
    final FakeTokenStore store = new FakeTokenStore(clock);
    final RecordingListener listener = new RecordingListener();
    private final List<LoginUseCase> cores = new ArrayList<>();
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    LoginSettings.Builder settings() {
        return LoginSettings.builder().clock(clock).scheduler(scheduler).executor(Runnable::run)
                .leaseTtl(Duration.ofSeconds(2)).closeTimeout(Duration.ofSeconds(2));
    }

    LoginUseCase core() {
        return core(settings());
    }

    /**
     * A core whose flights run on virtual threads, without keep-alive: for tests in which callers really wait for
     * each other's flights.
     */
    LoginUseCase concurrentCore() {
        return core(settings().executor(virtualThreads).keepAlive(false));
    }

    LoginUseCase core(LoginSettings.Builder settings) {
        LoginUseCase core = LoginCore.create(lookup, gateway, store, listener, settings.build());
        cores.add(core);
        return core;
    }

    void advance(Duration by) {
        scheduler.advance(by);
    }

    static SessionKey key(int n) {
        return new SessionKey(ACCOUNT, "bot-" + n);
    }

    static Credentials credentials(int n) {
        return new Credentials.UserPassword("bot-" + n, Secret.of("pw-" + n));
    }

    @Override
    public void close() {
        cores.forEach(LoginUseCase::close);
        virtualThreads.shutdownNow();
    }
}
