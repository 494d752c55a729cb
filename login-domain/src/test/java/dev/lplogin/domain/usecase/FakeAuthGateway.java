package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.SessionGone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An in-memory Login Service for the lifecycle's tests: issues sessions, keeps one live session per user (a new login
 * kills the previous one, as LivePerson does), drops sessions idle longer than {@link #IDLE}, counts every call and
 * answers as programmed. Gates let a test hold calls open to prove that concurrent callers share them.
 */
final class FakeAuthGateway implements AuthGateway {

    static final Duration IDLE = Duration.ofMinutes(30);

    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger logouts = new AtomicInteger();
    final List<Instant> loginTimes = new CopyOnWriteArrayList<>();
    final Map<SessionKey, AtomicInteger> refreshesByKey = new ConcurrentHashMap<>();

    /** How the next logins are answered; default: a new session. */
    volatile Supplier<LoginOutcome> loginAnswer;
    /** Set to make refreshes throw (an outage). */
    volatile boolean refreshOutage;
    volatile Optional<Duration> maxLifetime = Optional.of(Duration.ofHours(8));
    volatile CountDownLatch loginGate;
    volatile CountDownLatch refreshGate;
    volatile CountDownLatch logoutGate;

    private final Clock clock;
    private final AtomicLong serial = new AtomicLong();
    private final Map<SessionKey, Secret> live = new ConcurrentHashMap<>();
    private final Map<Secret, Instant> lastTouch = new ConcurrentHashMap<>();

    FakeAuthGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
        logins.incrementAndGet();
        loginTimes.add(clock.instant());
        await(loginGate);
        Supplier<LoginOutcome> answer = loginAnswer;
        if (answer != null) {
            return answer.get();
        }
        return issue(new SessionKey(account, credentials.username()), loginHost);
    }

    @Override
    public RefreshOutcome refresh(Session session) {
        refreshes.incrementAndGet();
        refreshesByKey.computeIfAbsent(session.key(), k -> new AtomicInteger()).incrementAndGet();
        await(refreshGate);
        if (refreshOutage) {
            throw new ServiceUnavailableException(Operation.REFRESH, "HTTP 503 from the fake service");
        }
        if (!alive(session)) {
            return new SessionGone(false);
        }
        lastTouch.put(session.bearer(), clock.instant());
        return new Refreshed(session.confirmedAt(clock.instant(), List.of()));
    }

    @Override
    public LogoutOutcome logout(Session session) {
        logouts.incrementAndGet();
        await(logoutGate);
        boolean wasAlive = alive(session);
        live.remove(session.key(), session.bearer());
        return wasAlive ? LogoutOutcome.LOGGED_OUT : LogoutOutcome.ALREADY_GONE;
    }

    /** Ends the live session of {@code key} as the service would when someone else logs in as that user. */
    void kill(SessionKey key) {
        live.remove(key);
    }

    boolean isLive(Secret bearer) {
        return live.containsValue(bearer);
    }

    /** A new live session for {@code key}, killing its previous one (one session per user). */
    LoggedIn issue(SessionKey key, ServiceHost host) {
        long n = serial.incrementAndGet();
        Instant now = clock.instant();
        Session session = new Session(key, host, Secret.of("bearer-" + n), Secret.of("csrf-" + n),
                List.of(new SessionCookie("Session_id", Secret.of("cookie-" + n))), "user-" + n, Optional.empty(),
                now, now, maxLifetime, 0);
        live.put(key, session.bearer());
        lastTouch.put(session.bearer(), now);
        return new LoggedIn(session, Map.of(ServiceName.LOGIN, host, ServiceName.of("msgHist"),
                ServiceHost.of("va.msghist.example")));
    }

    private boolean alive(Session session) {
        Instant touched = lastTouch.get(session.bearer());
        return session.bearer().equals(live.get(session.key())) && touched != null
                && clock.instant().isBefore(touched.plus(IDLE));
    }

    private static void await(CountDownLatch gate) {
        if (gate == null) {
            return;
        }
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("test gate was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(Operation.LOGIN, "interrupted", e);
        }
    }
}
