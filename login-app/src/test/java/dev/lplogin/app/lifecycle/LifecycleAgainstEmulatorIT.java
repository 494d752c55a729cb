package dev.lplogin.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.adapter.http.HttpAuthGateway;
import dev.lplogin.adapter.http.HttpDomainLookup;
import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.adapter.storage.FileTokenStore;
import dev.lplogin.adapter.storage.InMemoryTokenStore;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.LoginCore;
import dev.lplogin.domain.usecase.LoginSettings;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.domain.usecase.SessionUnavailableException;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session lifecycle wired to the real HTTP adapters and stores, against the emulator; the emulator's stats give
 * exact upstream counts. Some of these wait for real background work (keep-alive every 300 ms, back-off from 100 ms),
 * so they run as integration tests (failsafe), apart from the unit tests that run on a manual scheduler.
 */
class LifecycleAgainstEmulatorIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);
    private static final Credentials DEMO =
            new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD));
    private static final Credentials BOT = new Credentials.OAuth2Client(DemoAccount.BOT_USERNAME,
            DemoAccount.CLIENT_ID, Secret.of(DemoAccount.CLIENT_SECRET));
    private static final SessionKey KEY = new SessionKey(ACCOUNT, DemoAccount.USERNAME);

    @TempDir
    Path storeDir;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(200);

    @AfterEach
    void tearDown() throws Exception {
        callers.shutdownNow();
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void two_hundred_threads_asking_for_a_cold_key_cause_exactly_one_login_at_the_emulator() throws Exception {
        LoginUseCase core = core(new InMemoryTokenStore(), settings());
        core.useCredentials(ACCOUNT, DEMO);

        List<Secret> bearers = all(200, () -> core.bearer(KEY));

        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(1);
        assertThat(bearers).containsOnly(bearers.get(0));
        assertThat(emulator().isBearerValid(bearers.get(0).reveal())).isTrue();
    }

    @Test
    void a_session_the_emulator_expired_is_replaced_by_exactly_one_relogin_at_the_next_refresh() throws Exception {
        LoginUseCase core = core(new InMemoryTokenStore(), settings().refreshInterval(Duration.ofMillis(300)));
        Secret first = core.bearer(login(core));

        assertThat(emulator().expireSessions()).isEqualTo(1);
        awaitTrue(() -> events.stream().anyMatch(e -> e instanceof SessionEvent.LoggedIn in && in.relogin()),
                "keep-alive finds the session gone and logs in again");

        Secret second = core.bearer(KEY);
        assertThat(second).isNotEqualTo(first);
        assertThat(emulator().isBearerValid(second.reveal())).isTrue();
        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(2);
        assertThat(emulator().stats().status(401)).as("the one refresh that found the session gone").isEqualTo(1);
        List<Secret> later = all(50, () -> core.bearer(KEY));
        assertThat(later).allSatisfy(b -> assertThat(emulator().isBearerValid(b.reveal())).isTrue());
    }

    @Test
    void an_explicit_refresh_of_an_expired_session_logs_in_once_and_hides_the_401() {
        LoginUseCase core = core(new InMemoryTokenStore(), settings().keepAlive(false));
        login(core);
        emulator().expireSessions();

        core.refresh(KEY);

        assertThat(emulator().isBearerValid(core.bearer(KEY).reveal())).isTrue();
        assertThat(emulator().stats().requests(Endpoint.REFRESH)).isEqualTo(1);
        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(2);
    }

    @Test
    void two_cores_sharing_one_file_store_log_in_once_for_a_cold_key() throws Exception {
        LoginUseCase first = core(FileTokenStore.open(storeDir, Clock.systemUTC()), settings());
        LoginUseCase second = core(FileTokenStore.open(storeDir, Clock.systemUTC()), settings());
        first.useCredentials(ACCOUNT, DEMO);
        second.useCredentials(ACCOUNT, DEMO);
        CountDownLatch go = new CountDownLatch(1);

        List<Future<Secret>> a = submit(20, () -> {
            go.await();
            return first.bearer(KEY);
        });
        List<Future<Secret>> b = submit(20, () -> {
            go.await();
            return second.bearer(KEY);
        });
        go.countDown();
        List<Secret> bearers = new ArrayList<>(results(a));
        bearers.addAll(results(b));

        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(1);
        assertThat(bearers).containsOnly(bearers.get(0));
    }

    @Test
    void a_new_core_reuses_the_session_an_earlier_one_stored() {
        TokenStore store = FileTokenStore.open(storeDir, Clock.systemUTC());
        LoginUseCase earlier = core(store, settings().logoutOnClose(false));
        Secret bearer = earlier.bearer(login(earlier));
        earlier.close();

        LoginUseCase later = core(FileTokenStore.open(storeDir, Clock.systemUTC()), settings());
        later.useCredentials(ACCOUNT, DEMO);

        assertThat(later.bearer(KEY)).isEqualTo(bearer);
        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void rejected_credentials_are_one_login_attempt_however_often_callers_ask() {
        assertOneAttempt(new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of("not-the-password")),
                CredentialsRejected.class, SessionUnavailableException.Reason.CREDENTIALS_REJECTED);
    }

    @Test
    void a_blocked_user_is_one_login_attempt_however_often_callers_ask() {
        assertOneAttempt(new Credentials.UserPassword(DemoAccount.BLOCKED_USERNAME,
                Secret.of(DemoAccount.BLOCKED_PASSWORD)), Blocked.class, SessionUnavailableException.Reason.BLOCKED);
    }

    private void assertOneAttempt(Credentials credentials, Class<?> outcome,
            SessionUnavailableException.Reason reason) {
        LoginUseCase core = core(new InMemoryTokenStore(), settings());
        SessionKey key = new SessionKey(ACCOUNT, credentials.username());

        assertThat(core.login(ACCOUNT, credentials)).isInstanceOf(outcome);
        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> core.bearer(key)).isInstanceOfSatisfying(SessionUnavailableException.class,
                    e -> assertThat(e.reason()).isEqualTo(reason));
        }
        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_login_answered_503_again_and_again_backs_off_and_callers_fail_fast() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 503, 1_000));
        LoginUseCase core = core(new InMemoryTokenStore(), settings()); // back-off 100 ms doubling to 400 ms
        core.useCredentials(ACCOUNT, DEMO);

        List<SessionUnavailableException> failures = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (gaveUp().size() < 5 && System.nanoTime() < deadline) { // an impatient caller, about every 5 ms
            try {
                core.bearer(KEY);
            } catch (SessionUnavailableException e) {
                failures.add(e);
            }
            LockSupport.parkNanos(5_000_000);
        }

        List<SessionEvent.GaveUp> backoffs = gaveUp();
        assertThat(backoffs).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 1; i < backoffs.size(); i++) { // never faster than 100, 200, 400, 400 … ms
            Duration wait = Duration.ofMillis(Math.min(100L << (i - 1), 400));
            assertThat(Duration.between(backoffs.get(i - 1).at(), backoffs.get(i).at())).isGreaterThanOrEqualTo(wait);
        }
        long requests = emulator().stats().requests(Endpoint.LOGIN);
        assertThat(requests).as("each attempt is 1 request + 3 adapter retries").isEqualTo(4L * (2 + backoffs.size()));
        assertThat(failures).hasSizeGreaterThan(backoffs.size())
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(SessionUnavailableException.Reason.UNAVAILABLE));
        assertThat(failures.getLast().nextAttemptAt()).isPresent();
    }

    private List<SessionEvent.GaveUp> gaveUp() {
        return events.stream().filter(SessionEvent.GaveUp.class::isInstance).map(SessionEvent.GaveUp.class::cast)
                .toList();
    }

    @Test
    void close_logs_out_each_open_session_once() {
        LoginUseCase core = core(new InMemoryTokenStore(), settings());
        Secret demo = core.bearer(login(core));
        core.login(ACCOUNT, BOT);
        Secret bot = core.bearer(new SessionKey(ACCOUNT, DemoAccount.BOT_USERNAME));

        core.close();

        assertThat(emulator().stats().requests(Endpoint.LOGOUT)).isEqualTo(2);
        assertThat(emulator().isBearerValid(demo.reveal())).isFalse();
        assertThat(emulator().isBearerValid(bot.reveal())).isFalse();
        assertThat(emulator().stats().activeSessions()).isZero();
    }

    private SessionKey login(LoginUseCase core) {
        core.login(ACCOUNT, DEMO);
        return KEY;
    }

    private LoginSettings.Builder settings() {
        return LoginSettings.builder().leaseTtl(Duration.ofSeconds(5)).closeTimeout(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400), 3);
    }

    private LoginUseCase core(TokenStore store, LoginSettings.Builder settings) {
        HttpTransport transport = HttpTransport.create(HttpSettings.builder()
                .csdsBaseUrl(emulator().baseUrl())
                .connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(5))
                .retryDelays(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(30)))
                .loginRateLimitFloor(Duration.ofMillis(100)).otherRateLimitFloor(Duration.ofMillis(50))
                .rateLimitBudget(Duration.ofSeconds(1))
                .build());
        resources.add(transport);
        SessionListener listener = events::add;
        LoginUseCase core = LoginCore.create(new HttpDomainLookup(transport, Clock.systemUTC()),
                new HttpAuthGateway(transport, Clock.systemUTC()), store, listener, settings.build());
        resources.add(core);
        return core;
    }

    private static LoginEmulator emulator() {
        return EMULATOR.emulator();
    }

    private <T> List<T> all(int n, Callable<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = submit(n, () -> {
            go.await();
            return call.call();
        });
        go.countDown();
        return results(futures);
    }

    private <T> List<Future<T>> submit(int n, Callable<T> call) {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(callers.submit(call));
        }
        return futures;
    }

    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(5_000_000); // polling real background work against a real server
        }
    }
}
