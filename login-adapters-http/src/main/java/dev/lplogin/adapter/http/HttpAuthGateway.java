package dev.lplogin.adapter.http;

import dev.lplogin.adapter.http.json.AppLoginJson;
import dev.lplogin.adapter.http.json.CsrfJson;
import dev.lplogin.adapter.http.json.LoginAnswerJson;
import dev.lplogin.adapter.http.json.UserLoginJson;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.RequestRejectedException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.SessionGone;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.InstantSource;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Login Service over HTTPS (spec §3): login with any of the three credential kinds, refresh and logout with the
 * session's own cookies and csrf. Each call is retried as spec §3.4 says (see {@link HttpSettings}); what the answer
 * means is mapped to the port's outcomes:
 * <ul>
 *   <li>login: 200 → {@code LoggedIn}, 401 → {@code CredentialsRejected}, 451 → {@code Blocked},
 *       429 past the budget → {@code RateLimited}</li>
 *   <li>refresh: 2xx → {@code Refreshed} (a re-set cookie replaces the old one), 401 → {@code SessionGone}
 *       (csrf mismatch when {@code internalCode} is 10), 451 → {@code Blocked}, 429 → {@code RateLimited}</li>
 *   <li>logout: 2xx → {@code LOGGED_OUT}, 401 → {@code ALREADY_GONE}</li>
 *   <li>every call: 400 and other 4xx → {@link RequestRejectedException}; 5xx, connection failures and timeouts
 *       after the retries → {@link ServiceUnavailableException}; an unusable answer →
 *       {@link ProtocolViolationException}</li>
 * </ul>
 *
 * <p>Thread-safe and stateless: cookies live in the {@link Session}. No secret reaches a URL, a log line or an
 * exception message.
 */
public final class HttpAuthGateway implements AuthGateway {

    private static final Logger LOG = Logger.getLogger(HttpAuthGateway.class.getPackageName());
    private static final Secret OAUTH2_DUMMY = Secret.of("dummy");

    private final HttpTransport transport;
    private final InstantSource clock;

    /**
     * @param transport the shared HTTP transport (its settings decide retries, timeouts and TLS)
     * @param clock     stamps sessions ({@code issuedAt}, {@code lastConfirmedAt})
     */
    public HttpAuthGateway(HttpTransport transport, InstantSource clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(loginHost, "loginHost");
        Objects.requireNonNull(credentials, "credentials");
        SessionKey key = new SessionKey(account, credentials.username());
        URI uri = transport.endpoints().login(loginHost, account);
        Answer answer = transport.exchange(Operation.LOGIN, transport.post(uri, body(credentials)).build());
        if (answer.isSuccess()) {
            LoginAnswerJson parsed = transport.read(Operation.LOGIN, answer, LoginAnswerJson.class, "the login answer");
            LOG.fine(() -> "login of " + key + " at " + loginHost + ": logged in");
            return LoginAnswers.toLoggedIn(parsed, key, loginHost, Cookies.parse(answer.headerValues("Set-Cookie")),
                    clock.instant());
        }
        ErrorDetail detail = transport.errorDetail(answer);
        return switch (answer.status()) {
            case 401 -> new CredentialsRejected(detail.message());
            case 429 -> new RateLimited(answer.rateLimitWait());
            case 451 -> blocked(Operation.LOGIN, key, detail);
            default -> throw transport.unexpected(Operation.LOGIN, loginHost, answer);
        };
    }

    @Override
    public RefreshOutcome refresh(Session session) {
        Objects.requireNonNull(session, "session");
        URI uri = transport.endpoints().refresh(session.loginHost(), session.key().account());
        Answer answer = transport.exchange(Operation.REFRESH, withSession(uri, session));
        if (answer.isSuccess()) {
            // spec §3.2: the service may re-set the cookie; the newest one wins.
            return new Refreshed(session.confirmedAt(clock.instant(), Cookies.parse(answer.headerValues("Set-Cookie"))));
        }
        ErrorDetail detail = transport.errorDetail(answer);
        return switch (answer.status()) {
            case 401 -> new SessionGone(detail.isCsrfMismatch());
            case 429 -> new RateLimited(answer.rateLimitWait());
            case 451 -> blocked(Operation.REFRESH, session.key(), detail);
            default -> throw transport.unexpected(Operation.REFRESH, session.loginHost(), answer);
        };
    }

    @Override
    public LogoutOutcome logout(Session session) {
        Objects.requireNonNull(session, "session");
        URI uri = transport.endpoints().logout(session.loginHost(), session.key().account());
        Answer answer = transport.exchange(Operation.LOGOUT, withSession(uri, session));
        if (answer.isSuccess()) {
            return LogoutOutcome.LOGGED_OUT;
        }
        ErrorDetail detail = transport.errorDetail(answer);
        return switch (answer.status()) {
            // spec §3.3: logging out a session the service no longer knows is not an error for the caller.
            case 401 -> LogoutOutcome.ALREADY_GONE;
            case 429 -> throw new ServiceUnavailableException(Operation.LOGOUT, "rate limited by "
                    + session.loginHost() + " (HTTP 429); try again in " + answer.rateLimitWait().toSeconds() + " s");
            case 451 -> throw new RequestRejectedException(Operation.LOGOUT, 451,
                    "the account or user is blocked by LivePerson support" + detail.suffix());
            default -> throw transport.unexpected(Operation.LOGOUT, session.loginHost(), answer);
        };
    }

    /** The login body of spec §3.1 for each kind of credentials. */
    @SuppressWarnings("deprecation")   // the legacy OAuth1 form is still supported until LivePerson removes it
    private static Object body(Credentials credentials) {
        return switch (credentials) {
            case Credentials.UserPassword user -> new UserLoginJson(user.username(), user.password());
            case Credentials.OAuth2Client app -> new AppLoginJson(app.username(), app.clientId(), app.clientSecret(),
                    OAUTH2_DUMMY, OAUTH2_DUMMY);
            case Credentials.LegacyOAuth1 legacy -> new AppLoginJson(legacy.username(), legacy.appKey(),
                    legacy.appSecret(), legacy.accessToken(), legacy.accessTokenSecret());
        };
    }

    /** A refresh or logout: the session's cookies, sent only to its own login host, and {@code {"csrf":…}}. */
    private HttpRequest withSession(URI uri, Session session) {
        HttpRequest.Builder request = transport.post(uri, new CsrfJson(session.csrf()));
        Cookies.header(session.cookies()).ifPresent(cookies -> request.header("Cookie", cookies));
        return request.build();
    }

    private static Blocked blocked(Operation operation, SessionKey key, ErrorDetail detail) {
        // INFO, not WARNING: the Blocked outcome reaches the caller, who reports it (the CLI as its error line, the
        // core as a SessionUnavailableException and an event); a warning here said it twice
        LOG.log(Level.INFO, () -> operation + " of " + key + ": blocked by LivePerson support (HTTP 451); "
                + "not retrying — contact LivePerson" + detail.suffix());
        return new Blocked(detail.message());
    }
}
