package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.RequestRejectedException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.AuthGatewayContract;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpAuthGateway} against the emulator over real loopback HTTPS: the contract, then the retry policy of
 * spec §3.4 with request counts taken from the emulator's stats.
 */
class HttpAuthGatewayTest extends AuthGatewayContract {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private final Credentials demo = new Credentials.UserPassword(DemoAccount.USERNAME,
            Secret.of(DemoAccount.PASSWORD));
    private HttpTransport transport;

    @Override
    protected LoginEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected AuthGateway gateway() {
        return gateway(TestSettings.fast(emulator(), certificates));
    }

    private AuthGateway gateway(HttpSettings settings) {
        if (transport != null) {
            transport.close();
        }
        transport = HttpTransport.create(settings);
        return new HttpAuthGateway(transport, InstantSource.system());
    }

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    private long requests(Endpoint endpoint) {
        return emulator().stats().requests(endpoint);
    }

    @Test
    void a_login_answered_503_twice_succeeds_on_the_third_request() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 503, 2));

        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(), demo);

        assertThat(outcome).isInstanceOf(LoggedIn.class);
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(3);
    }

    @Test
    void a_login_answered_503_four_times_fails_after_exactly_four_requests_with_the_configured_pauses() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 503, 4));
        AuthGateway gateway = gateway();
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway.login(ACCOUNT, loginHost(), demo))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("login")
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("4 attempts");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(4);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(20 + 40 + 60));
    }

    @Test
    void a_login_answered_429_waits_at_least_the_login_floor_then_succeeds() {
        AuthGateway gateway = gateway();
        gateway.login(ACCOUNT, loginHost(), demo);   // warm the connection so that only the wait is measured
        emulator().inject(Fault.status(Endpoint.LOGIN, 429, 1));
        long started = System.nanoTime();

        LoginOutcome outcome = gateway.login(ACCOUNT, loginHost(), demo);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome).isInstanceOf(LoggedIn.class);
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1 + 2);
        assertThat(elapsed).isGreaterThanOrEqualTo(TestSettings.LOGIN_FLOOR);
        System.out.println("429 on login: floor " + TestSettings.LOGIN_FLOOR.toMillis() + " ms, waited "
                + elapsed.toMillis() + " ms in total");
    }

    @Test
    void a_login_answered_429_honours_a_retry_after_longer_than_the_floor() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 429, Duration.ofSeconds(1), 1));
        AuthGateway gateway = gateway();
        long started = System.nanoTime();

        LoginOutcome outcome = gateway.login(ACCOUNT, loginHost(), demo);

        assertThat(outcome).isInstanceOf(LoggedIn.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(2);
    }

    @Test
    void a_429_whose_retry_after_exceeds_the_budget_is_reported_as_rate_limited_after_one_request() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 429, Duration.ofSeconds(5), 1));

        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(), demo);

        assertThat(outcome).isEqualTo(new RateLimited(Duration.ofSeconds(5)));
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_429_with_no_budget_is_rate_limited_with_the_floor_as_its_wait() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 429, 3));
        AuthGateway gateway = gateway(TestSettings.fast(emulator(), certificates)
                .toBuilder().rateLimitBudget(Duration.ZERO).build());

        assertThat(gateway.login(ACCOUNT, loginHost(), demo)).isEqualTo(new RateLimited(TestSettings.LOGIN_FLOOR));
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_login_answered_451_is_blocked_after_exactly_one_request() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 451, 3));

        assertThat(gateway().login(ACCOUNT, loginHost(), demo)).isInstanceOf(Blocked.class);
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_blocked_user_costs_exactly_one_request() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(), new Credentials.UserPassword(
                DemoAccount.BLOCKED_USERNAME, Secret.of(DemoAccount.BLOCKED_PASSWORD)));

        assertThat(outcome).isInstanceOf(Blocked.class);
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void rejected_credentials_cost_exactly_one_request() {
        LoginOutcome outcome = gateway().login(ACCOUNT, loginHost(),
                new Credentials.UserPassword(DemoAccount.USERNAME, Secret.of("wrong-password")));

        assertThat(outcome).isInstanceOfSatisfying(CredentialsRejected.class,
                rejected -> assertThat(rejected.detail()).doesNotContain("wrong-password"));
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_400_is_a_rejected_request_never_retried() {
        emulator().inject(Fault.status(Endpoint.LOGIN, 400, 3));

        assertThatThrownBy(() -> gateway().login(ACCOUNT, loginHost(), demo))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void other_4xx_answers_are_rejected_requests_never_retried() {
        emulator().inject(Fault.status(Endpoint.REFRESH, 403, 3));
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);

        assertThatThrownBy(() -> gateway.refresh(session))
                .isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void connection_resets_are_retried_then_succeed() {
        emulator().inject(Fault.reset(Endpoint.LOGIN, 2));

        assertThat(gateway().login(ACCOUNT, loginHost(), demo)).isInstanceOf(LoggedIn.class);
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(3);
    }

    @Test
    void connection_resets_past_the_retries_are_reported_as_unavailable_after_four_requests() {
        emulator().inject(Fault.reset(Endpoint.LOGIN, 4));

        assertThatThrownBy(() -> gateway().login(ACCOUNT, loginHost(), demo))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("4 attempts");
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(4);
    }

    @Test
    void an_answer_slower_than_the_timeout_is_retried() {
        AuthGateway gateway = gateway(TestSettings.fast(emulator(), certificates)
                .toBuilder().requestTimeout(Duration.ofMillis(400)).build());
        Session session = loggedInDemoUser(gateway);
        emulator().inject(Fault.delay(Endpoint.REFRESH, Duration.ofMillis(1500), 1));

        assertThat(gateway.refresh(session)).isInstanceOf(Refreshed.class);
        assertThat(requests(Endpoint.REFRESH)).isEqualTo(2);
    }

    @Test
    void answers_slower_than_the_timeout_past_the_retries_are_reported_as_unavailable() {
        AuthGateway gateway = gateway(TestSettings.fast(emulator(), certificates)
                .toBuilder().requestTimeout(Duration.ofMillis(300)).build());
        Session session = loggedInDemoUser(gateway);
        emulator().inject(Fault.delay(Endpoint.REFRESH, Duration.ofMillis(1000), 4));
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway.refresh(session))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("no answer within 300 ms")
                .hasMessageContaining("4 attempts");
        assertThat(requests(Endpoint.REFRESH)).isEqualTo(4);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_malformed_login_answer_is_a_protocol_violation_not_retried() {
        emulator().inject(Fault.malformed(Endpoint.LOGIN, 3));

        assertThatThrownBy(() -> gateway().login(ACCOUNT, loginHost(), demo))
                .isInstanceOfSatisfying(ProtocolViolationException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("login answer");
        assertThat(requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_refresh_answered_503_twice_is_confirmed_on_the_third_request() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().inject(Fault.status(Endpoint.REFRESH, 503, 2));

        assertThat(gateway.refresh(session)).isInstanceOf(Refreshed.class);
        assertThat(requests(Endpoint.REFRESH)).isEqualTo(3);
    }

    @Test
    void a_refresh_answered_429_waits_at_least_the_general_floor() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().inject(Fault.status(Endpoint.REFRESH, 429, 1));
        long started = System.nanoTime();

        assertThat(gateway.refresh(session)).isInstanceOf(Refreshed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(TestSettings.OTHER_FLOOR);
        assertThat(requests(Endpoint.REFRESH)).isEqualTo(2);
    }

    @Test
    void a_refresh_answered_451_is_blocked_after_one_request() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().inject(Fault.status(Endpoint.REFRESH, 451, 2));

        assertThat(gateway.refresh(session)).isInstanceOf(Blocked.class);
        assertThat(requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void a_refresh_of_a_dead_session_costs_one_request() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().expireSessions();

        gateway.refresh(session);

        assertThat(requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void a_logout_answered_503_once_succeeds_on_the_second_request() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().inject(Fault.status(Endpoint.LOGOUT, 503, 1));

        assertThat(gateway.logout(session)).isEqualTo(LogoutOutcome.LOGGED_OUT);
        assertThat(requests(Endpoint.LOGOUT)).isEqualTo(2);
    }

    @Test
    void the_session_cookie_makes_the_round_trip_and_a_re_set_cookie_is_kept_once() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);

        assertThat(session.cookies()).extracting(SessionCookie::name).containsExactly("Session_id");
        Session refreshed = ((Refreshed) gateway.refresh(session)).session();

        assertThat(refreshed.cookies()).extracting(SessionCookie::name).containsExactly("Session_id");
        assertThat(refreshed.cookies()).isEqualTo(session.cookies());
        assertThat(gateway.logout(refreshed)).isEqualTo(LogoutOutcome.LOGGED_OUT);
    }

    @Test
    void twenty_sequential_refreshes_use_one_connection() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);

        for (int i = 0; i < 20; i++) {
            session = ((Refreshed) gateway.refresh(session)).session();
        }

        assertThat(requests(Endpoint.REFRESH)).isEqualTo(20);
        assertThat(emulator().stats().connections()).as("TCP connections for 1 login + 20 refreshes").isEqualTo(1);
    }

    @Test
    void an_emulator_certificate_that_is_not_trusted_is_refused_without_retrying() {
        AuthGateway untrusting = gateway(TestSettings.fast(emulator().baseUrl()));

        assertThatThrownBy(() -> untrusting.login(ACCOUNT, loginHost(), demo))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("no trusted TLS connection")
                .hasMessageContaining("certificate");
        assertThat(requests(Endpoint.LOGIN)).isZero();
    }
}
