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
import dev.lplogin.domain.port.InfrastructureException;
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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * The fault matrix of spec §3.4: for each call and each fault the emulator injects, what the call returns or
     * throws and how many requests reached the emulator. Read a row as "a login answered 503 twice is logged in
     * after 3 requests". Every delay of {@link TestSettings} is in milliseconds, so the whole table runs in seconds.
     */
    static Stream<Row> faultMatrix() {
        return Stream.of(
            //  call     fault at its endpoint    expected                                                 requests
            row(LOGIN,   status(503, 2),          returns(LoggedIn.class),                                      3),
            row(LOGIN,   status(503, 4),          fails(UNAVAILABLE, RETRYABLE, "HTTP 503", "4 attempts"),      4)
                    .takingAtLeast(ms(20 + 40 + 60)),
            row(LOGIN,   status(429, s(1), 1),    returns(LoggedIn.class),                                      2)
                    .takingAtLeast(s(1)),
            row(LOGIN,   status(429, s(5), 1),    returns(new RateLimited(s(5))),                               1),
            row(LOGIN,   status(429, 3),          returns(new RateLimited(TestSettings.LOGIN_FLOOR)),           1)
                    .with("no rate-limit budget", b -> b.rateLimitBudget(Duration.ZERO)),
            row(LOGIN,   status(451, 3),          returns(Blocked.class),                                       1),
            row(LOGIN,   status(400, 3),          fails(REJECTED, FINAL, "HTTP 400"),                           1),
            row(LOGIN,   reset(2),                returns(LoggedIn.class),                                      3),
            row(LOGIN,   reset(4),                fails(UNAVAILABLE, RETRYABLE, "4 attempts"),                  4),
            row(LOGIN,   malformed(3),            fails(UNUSABLE, FINAL, "login answer"),                       1),
            row(REFRESH, status(503, 2),          returns(Refreshed.class),                                     3),
            row(REFRESH, status(429, 1),          returns(Refreshed.class),                                     2)
                    .takingAtLeast(TestSettings.OTHER_FLOOR),
            row(REFRESH, status(451, 2),          returns(Blocked.class),                                       1),
            row(REFRESH, status(403, 3),          fails(REJECTED, FINAL, "HTTP 403"),                           1),
            row(REFRESH, delay(ms(1500), 1),      returns(Refreshed.class),                                     2)
                    .with("400 ms request timeout", b -> b.requestTimeout(ms(400))),
            row(REFRESH, delay(ms(1000), 4),      fails(UNAVAILABLE, RETRYABLE, "no answer within 300 ms"),     4)
                    .with("300 ms request timeout", b -> b.requestTimeout(ms(300)))
                    .takingLessThan(s(3)),
            row(LOGOUT,  status(503, 1),          returns(LogoutOutcome.LOGGED_OUT),                            2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultMatrix")
    void fault_matrix(Row row) {
        AuthGateway gateway = gateway(row.settings().apply(TestSettings.fast(emulator(), certificates).toBuilder())
                .build());
        Session session = row.call() == LOGIN ? null : loggedInDemoUser(gateway);
        emulator().inject(row.fault());   // after the login of a refresh or logout row, so it is not hit
        long started = System.nanoTime();

        Object result = row.expected().observe(() -> switch (row.call()) {
            case LOGIN -> gateway.login(ACCOUNT, loginHost(), demo);
            case REFRESH -> gateway.refresh(session);
            case LOGOUT -> gateway.logout(session);
        });

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        row.expected().check(result);
        assertThat(requests(row.fault().endpoint())).as("requests that reached the emulator")
                .isEqualTo(row.requests());
        assertThat(elapsed).isGreaterThanOrEqualTo(row.atLeast()).isLessThan(row.under());
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
    void a_refresh_of_a_dead_session_costs_one_request() {
        AuthGateway gateway = gateway();
        Session session = loggedInDemoUser(gateway);
        emulator().expireSessions();

        gateway.refresh(session);

        assertThat(requests(Endpoint.REFRESH)).isEqualTo(1);
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

    private static final Call LOGIN = Call.LOGIN;
    private static final Call REFRESH = Call.REFRESH;
    private static final Call LOGOUT = Call.LOGOUT;
    private static final boolean RETRYABLE = true;
    private static final boolean FINAL = false;

    /** The gateway call a row makes; refresh and logout first log in, before the fault is injected. */
    enum Call {
        LOGIN(Endpoint.LOGIN), REFRESH(Endpoint.REFRESH), LOGOUT(Endpoint.LOGOUT);

        final Endpoint endpoint;

        Call(Endpoint endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** What a row expects: an outcome (by value or by type), or an exception with message fragments. */
    interface Expected {
        /** Runs the call, returning its outcome or the exception it threw. */
        default Object observe(Supplier<Object> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                return e;
            }
        }

        void check(Object result);
    }

    static Expected returns(Object outcome) {
        return named("→ " + outcome, result -> assertThat(result).isEqualTo(outcome));
    }

    static Expected returns(Class<?> outcome) {
        return named("→ " + outcome.getSimpleName(), result -> assertThat(result).isInstanceOf(outcome));
    }

    static Expected fails(Class<? extends InfrastructureException> type, boolean retryable, String... fragments) {
        return named("throws " + type.getSimpleName() + (retryable ? " (retryable)" : ""), result -> {
            assertThat(result).isInstanceOf(type);
            InfrastructureException e = (InfrastructureException) result;
            assertThat(e.retryable()).as("retryable").isEqualTo(retryable);
            assertThat(e.getMessage()).contains(fragments)
                    .as("in the adapter's own words").doesNotContain("Exception", "--", "lp-login:");
        });
    }

    private static Expected named(String name, java.util.function.Consumer<Object> check) {
        return new Expected() {
            @Override
            public void check(Object result) {
                check.accept(result);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static final Class<ServiceUnavailableException> UNAVAILABLE = ServiceUnavailableException.class;
    private static final Class<RequestRejectedException> REJECTED = RequestRejectedException.class;
    private static final Class<ProtocolViolationException> UNUSABLE = ProtocolViolationException.class;

    /** A fault for the endpoint of the row's call. */
    interface FaultKind extends Function<Endpoint, Fault> {
    }

    static FaultKind status(int status, int times) {
        return endpoint -> Fault.status(endpoint, status, times);
    }

    static FaultKind status(int status, Duration retryAfter, int times) {
        return endpoint -> Fault.status(endpoint, status, retryAfter, times);
    }

    static FaultKind reset(int times) {
        return endpoint -> Fault.reset(endpoint, times);
    }

    static FaultKind delay(Duration delay, int times) {
        return endpoint -> Fault.delay(endpoint, delay, times);
    }

    static FaultKind malformed(int times) {
        return endpoint -> Fault.malformed(endpoint, times);
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    static Row row(Call call, FaultKind fault, Expected expected, long requests) {
        return new Row(call, fault.apply(call.endpoint), expected, requests, "", UnaryOperator.identity(),
                Duration.ZERO, Duration.ofSeconds(30));
    }

    /** One line of the fault matrix; {@code toString} is the test's display name. */
    record Row(Call call, Fault fault, Expected expected, long requests, String setting,
            UnaryOperator<HttpSettings.Builder> settings, Duration atLeast, Duration under) {

        Row with(String description, UnaryOperator<HttpSettings.Builder> change) {
            return new Row(call, fault, expected, requests, description, change, atLeast, under);
        }

        Row takingAtLeast(Duration least) {
            return new Row(call, fault, expected, requests, setting, settings, least, under);
        }

        Row takingLessThan(Duration most) {
            return new Row(call, fault, expected, requests, setting, settings, atLeast, most);
        }

        @Override
        public String toString() {
            String times = fault.times() == 1 ? "once" : fault.times() + " times";
            String what = switch (fault.mode()) {
                case STATUS -> "answered " + fault.status() + fault.retryAfter().map(r -> " (Retry-After "
                        + r.toSeconds() + " s)").orElse("");
                case DELAY -> "delayed " + fault.delay().toMillis() + " ms";
                case RESET -> "reset";
                case MALFORMED -> "malformed";
                case BEARER_NEWLINE, HUGE_BEARER, DEEP_JSON -> "hostile (" + fault.mode() + ")";
            };
            return call.name().toLowerCase(java.util.Locale.ROOT) + " " + what + " " + times
                    + (setting.isEmpty() ? "" : ", " + setting) + " " + expected + " after " + requests
                    + (requests == 1 ? " request" : " requests");
        }
    }
}
