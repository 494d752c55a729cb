package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionFixtures;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition function as a table: each row is one transition of {@code docs/lifecycle.md} — in this state, on
 * this event, the key ends in that state and the runner gets those effects, in that order. Times are minutes after
 * the session's last confirmation, with the default rules (fresh 4 minutes, hard deadline 30 minutes).
 */
class SessionStateMachineTest {

    private static final SessionKey KEY = SessionFixtures.KEY;
    private static final Instant T0 = SessionFixtures.ISSUED_AT;
    private static final Rules RULES = Rules.from(LoginSettings.defaults());
    private static final SessionStateMachine MACHINE = new SessionStateMachine(RULES);
    private static final Credentials CREDENTIALS = new Credentials.UserPassword("demo", Secret.of("pw"));
    private static final Session HELD = SessionFixtures.session();
    private static final Session NEWER = SessionFixtures.session(Secret.of("newer-bearer"), Secret.of("c"), List.of());
    private static final StoreException STORE_DOWN =
            new StoreException("Redis at redis://10.0.0.5:6379/0 is unavailable", null, true);
    private static final ServiceUnavailableException OUTAGE =
            new ServiceUnavailableException(Operation.LOGIN, "HTTP 503");

    private static final KeyState NOTHING = KeyState.EMPTY;
    private static final KeyState CREDENTIALS_ONLY = NOTHING.withCredentials(Optional.of(CREDENTIALS));
    private static final KeyState HOT = held(true);
    private static final KeyState CHECKED = held(false);
    private static final KeyState STOPPED = CREDENTIALS_ONLY.withStopped(Optional.of(
            LoginsStopped.forGood(Reason.CREDENTIALS_REJECTED, "rejected")), 0);
    private static final KeyState WAITING = CREDENTIALS_ONLY.withStopped(Optional.of(
            LoginsStopped.until(Reason.UNAVAILABLE, "backing off", T0.plus(Duration.ofMinutes(10)))), 3);

    private static KeyState held(boolean hot) {
        return new KeyState(Optional.of(HELD), false, hot ? HELD.bearer() : null, Optional.of(CREDENTIALS),
                Optional.empty(), 0, Instant.MIN, List.of(), Optional.empty(), List.of());
    }

    private static FlightProgress flight(Purpose purpose) {
        return FlightProgress.of(purpose);
    }

    // the expected next states: what each transition leaves the key with, whole (as Mobius's UpdateSpec asserts)

    /** Plans at luck 0.5: a retry a quarter interval later, exactly (the jitter averages out). */
    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    /** {@code session} held as just confirmed: hot while before its handover, logins no longer stopped. */
    private static KeyState confirmed(KeyState given, Session session, Instant now) {
        Instant freshEnd = session.lastConfirmedAt().plus(RULES.refreshInterval());
        return given.with(Optional.of(session), false, now.isBefore(freshEnd) ? session.bearer() : null)
                .withStopped(Optional.empty(), 0).withWork(Optional.of(keepAlive(session)));
    }

    /** The keep-alive after {@code session}'s confirmation: anywhere in the last 95 % of the refresh interval. */
    private static Work keepAlive(Session session) {
        Instant latest = session.lastConfirmedAt().plus(RULES.refreshInterval());
        return new Work(latest.minus(Duration.ofSeconds(228)), latest, true);
    }

    private static KeyState stoppedForGood(KeyState given, Reason reason, String message) {
        return given.with(Optional.empty(), false, null)
                .withStopped(Optional.of(LoginsStopped.forGood(reason, message)), 0).withWork(Optional.empty());
    }

    private static final String REJECTED = "the Login Service rejected the credentials (401: bad); no further "
            + "attempts until you log in again with correct credentials";
    private static final String BLOCKED = "LivePerson blocked the account or user (451); no further attempts are "
            + "made: contact LivePerson support";
    private static final StoreException SEALED =
            new StoreException("the stored session of 12345678/demo cannot be opened with this store key", null, false);

    static Stream<Arguments> transitions() {
        FlightProgress none = FlightProgress.NONE;
        FlightProgress getUsable = flight(Purpose.GET_USABLE);
        FlightProgress refreshNow = flight(Purpose.REFRESH_NOW);
        FlightProgress login = FlightProgress.login(CREDENTIALS);
        FlightProgress loggingIn = getUsable.loggingIn(0, false);
        FlightProgress refreshing = refreshNow.refreshingNow();
        FlightProgress logout = flight(Purpose.LOGOUT).withTargets(List.of(HELD));
        LoggedIn answer = new LoggedIn(NEWER, Map.of(ServiceName.LOGIN, SessionFixtures.LOGIN_HOST));
        Session held5 = HELD.confirmedAt(at(5), List.of());
        Session confirmed4 = SessionFixtures.session(at(4), Optional.empty());
        KeyState stoppedButUsable = CHECKED.withStopped(STOPPED.stopped(), 0);
        KeyState dead5 = CHECKED.withYoungKills(List.of(at(5))).with(Optional.of(HELD), true, null)
                .refusing(HELD.bearer());
        return Stream.of(
                // --- callers of bearer()
                row("fresh, bearer asked: served", CHECKED, none, new Event.BearerAsked(), 1,
                        CHECKED, none, Status.FRESH, "Serve"),
                row("stale, bearer asked: served, one refresh starts in the background", CHECKED, none,
                        new Event.BearerAsked(), 5, CHECKED, none, Status.STALE, "Serve",
                        "StartInBackground(REFRESH_IF_STALE)"),
                row("stale with refreshes paused, bearer asked: served, no refresh",
                        CHECKED.withRefreshPausedUntil(at(6)), none, new Event.BearerAsked(), 5,
                        CHECKED.withRefreshPausedUntil(at(6)), none, Status.STALE, "Serve"),
                row("expired, bearer asked: the caller waits for a flight", CHECKED, none, new Event.BearerAsked(),
                        31, CHECKED, none, Status.EXPIRED, "AwaitFlight(GET_USABLE)"),
                row("no session, bearer asked: the caller waits for a flight", CREDENTIALS_ONLY, none,
                        new Event.BearerAsked(), 0, CREDENTIALS_ONLY, none, Status.NO_SESSION,
                        "AwaitFlight(GET_USABLE)"),
                row("stopped, bearer asked: fails at once", STOPPED, none, new Event.BearerAsked(), 0,
                        STOPPED, none, Status.STOPPED, "Fail(CREDENTIALS_REJECTED)"),
                row("stopped with a usable session still held, bearer asked: served", stoppedButUsable, none,
                        new Event.BearerAsked(), 1, stoppedButUsable, none, Status.STOPPED, "Serve"),
                row("waiting, bearer asked: fails at once", WAITING, none, new Event.BearerAsked(), 1,
                        WAITING, none, Status.WAITING, "Fail(UNAVAILABLE)"),
                row("waiting time over, bearer asked: the caller waits for a flight", WAITING, none,
                        new Event.BearerAsked(), 11, WAITING, none, Status.NO_SESSION, "AwaitFlight(GET_USABLE)"),
                // --- other callers
                row("stopped, refresh asked: fails at once", STOPPED, none, new Event.RefreshAsked(), 0,
                        STOPPED, none, Status.STOPPED, "Fail(CREDENTIALS_REJECTED)"),
                row("fresh, refresh asked: the caller waits for a refresh", CHECKED, none, new Event.RefreshAsked(),
                        1, CHECKED, none, Status.FRESH, "AwaitFlight(REFRESH_NOW)"),
                row("stopped, credentials given: a fresh start", STOPPED, none,
                        new Event.CredentialsGiven(CREDENTIALS), 0,
                        STOPPED.withCredentials(Optional.of(CREDENTIALS)).withStopped(Optional.empty(), 0), none,
                        Status.NO_SESSION),
                row("fresh, its bearer refused by an API: expired, the bearer remembered as refused", HOT, none,
                        new Event.BearerRefused(HELD.bearer()), 1,
                        HOT.with(Optional.of(HELD), true, null).refusing(HELD.bearer()), none, Status.EXPIRED),
                row("fresh, an older bearer refused: still fresh, that bearer never taken from the store again", HOT,
                        none, new Event.BearerRefused(Secret.of("old")), 1, HOT.refusing(Secret.of("old")), none,
                        Status.FRESH),
                // --- the key's timer
                row("hot, timer at the end of the fresh window: reads check the time from now on", HOT, none,
                        new Event.TimerFired(false), 4, CHECKED, none, Status.STALE, "Wake(none)"),
                row("keep-alive due, timer: a refresh starts in the background",
                        HOT.withWork(Optional.of(Work.at(at(3)))), none, new Event.TimerFired(false), 3, HOT, none,
                        Status.FRESH, "StartInBackground(REFRESH_NOW)", "Wake(4m)"),
                row("keep-alive step missed (joined another flight) and nothing planned since: start it again", HOT,
                        none, new Event.TimerFired(true), 3, HOT, none, Status.FRESH,
                        "StartInBackground(REFRESH_NOW)", "Wake(4m)"),
                // --- a flight for a usable session
                row("flight for a usable session finds one: done", CHECKED, getUsable, new Event.FlightStarted(), 1,
                        CHECKED, getUsable, Status.FRESH, "Finish(Usable)"),
                row("flight for a usable session finds it expired: takes the store lease", CHECKED, getUsable,
                        new Event.FlightStarted(), 31, CHECKED, getUsable, Status.EXPIRED, "TakeLease"),
                row("flight for a usable session while stopped: done, unavailable", STOPPED, getUsable,
                        new Event.FlightStarted(), 0, STOPPED, getUsable, Status.STOPPED, "Finish(Unavailable)"),
                row("refresh-if-stale flight finds the session fresh (another flight refreshed it): done", CHECKED,
                        flight(Purpose.REFRESH_IF_STALE), new Event.FlightStarted(), 1, CHECKED,
                        flight(Purpose.REFRESH_IF_STALE), Status.FRESH, "Finish(Usable)"),
                row("lease taken, still nothing usable: loads the store", CREDENTIALS_ONLY, getUsable,
                        new Event.LeaseTaken(), 0, CREDENTIALS_ONLY, getUsable, Status.NO_SESSION, "LoadStored"),
                row("lease taken, another flight brought a session meanwhile: done", CHECKED, getUsable,
                        new Event.LeaseTaken(), 1, CHECKED, getUsable, Status.FRESH, "Finish(Usable)"),
                row("stored session live: adopted, keep-alive planned", CREDENTIALS_ONLY, getUsable,
                        new Event.StoredLoaded(Optional.of(HELD)), 1, confirmed(CREDENTIALS_ONLY, HELD, at(1)),
                        getUsable, Status.FRESH, "Announce(ReusedStored)", "Wake(0m..4m spread)", "Finish(Usable)"),
                row("stored session is a bearer known refused: not taken up, logs in",
                        CREDENTIALS_ONLY.refusing(HELD.bearer()), getUsable,
                        new Event.StoredLoaded(Optional.of(HELD)), 1, CREDENTIALS_ONLY.refusing(HELD.bearer()),
                        getUsable.loggingIn(0, false), Status.NO_SESSION, "LogIn"),
                row("nothing stored, credentials held: logs in", CREDENTIALS_ONLY, getUsable,
                        new Event.StoredLoaded(Optional.empty()), 0, CREDENTIALS_ONLY, loggingIn, Status.NO_SESSION,
                        "LogIn"),
                row("nothing stored, no credentials: not logged in", NOTHING, getUsable,
                        new Event.StoredLoaded(Optional.empty()), 0, NOTHING, getUsable, Status.NO_SESSION,
                        "Finish(Unavailable)"),
                // --- the store-error rule
                row("store unreachable, nothing usable held: no blind login (it could kill another process's live"
                        + " session); fails as the store's outage, retried soon", CREDENTIALS_ONLY, getUsable,
                        new Event.StoreUnavailable(STORE_DOWN), 0, CREDENTIALS_ONLY.withWork(Optional.of(Work.at(
                                at(1)))), getUsable, Status.NO_SESSION, "Wake(1m)", "Finish(Unavailable)"),
                row("record cannot be opened (wrong store key), nothing usable held: no login, the store's error,"
                        + " no retry (a person must act)", CREDENTIALS_ONLY, getUsable,
                        new Event.StoreUnavailable(SEALED), 0, CREDENTIALS_ONLY, getUsable, Status.NO_SESSION,
                        "Finish(Unavailable)"),
                row("record cannot be opened, explicit login: no login either, the store's error", CREDENTIALS_ONLY,
                        login, new Event.StoreUnavailable(SEALED), 0, CREDENTIALS_ONLY, login, Status.NO_SESSION,
                        "Finish(Unavailable)"),
                row("store unreachable, explicit login: goes on without it (the caller asked for a new session)",
                        CREDENTIALS_ONLY, login, new Event.StoreUnavailable(STORE_DOWN), 0, CREDENTIALS_ONLY,
                        login.withStoreFailure(STORE_DOWN).loggingIn(0, false), Status.NO_SESSION, "Warn", "LogIn"),
                row("refresh flight, store unreachable: refreshes the held session without it", CHECKED, refreshNow,
                        new Event.StoreUnavailable(STORE_DOWN), 5, CHECKED,
                        refreshNow.withStoreFailure(STORE_DOWN).refreshingNow(), Status.STALE, "Warn", "Refresh"),
                row("refresh answered 401 in a flight that could not read the store: no blind re-login, retried"
                        + " soon", CHECKED, refreshing.withStoreFailure(STORE_DOWN),
                        new Event.RefreshAnswered(new SessionGone(false)), 5,
                        dead5.withWork(Optional.of(Work.at(at(6)))), refreshing.withStoreFailure(STORE_DOWN),
                        Status.EXPIRED, "Announce(RefreshFailed)", "Wake(6m)", "Finish(Unavailable)"),
                // --- logins
                row("explicit login, store read: logs in with the given credentials, over the stored version",
                        CREDENTIALS_ONLY, login, new Event.StoredLoaded(Optional.of(HELD.withVersion(4))), 0,
                        CREDENTIALS_ONLY, login.loggingIn(4, false), Status.NO_SESSION, "LogIn"),
                row("login answered: hosts seeded, session saved", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(answer), 0, CREDENTIALS_ONLY, loggingIn.withAnswer(answer),
                        Status.NO_SESSION, "Seed", "Save"),
                row("explicit login saved: held, announced, the login answered", CREDENTIALS_ONLY,
                        login.loggingIn(0, false).withAnswer(answer), new Event.Saved(NEWER, false), 0,
                        confirmed(CREDENTIALS_ONLY, NEWER, at(0)), login.loggingIn(0, false).withAnswer(answer),
                        Status.FRESH, "Announce(LoggedIn)", "Wake(0m..4m spread)", "Finish(LoginAnswer)"),
                row("login saved: held, announced, keep-alive planned", CREDENTIALS_ONLY, loggingIn,
                        new Event.Saved(HELD, false), 0, confirmed(CREDENTIALS_ONLY, HELD, at(0)), loggingIn,
                        Status.FRESH, "Announce(LoggedIn)", "Wake(0m..4m spread)", "Finish(Usable)"),
                row("login's save lost to another process's newer session: theirs held, announced as reused, no"
                        + " LoggedIn", CREDENTIALS_ONLY, loggingIn, new Event.Saved(NEWER, true), 0,
                        confirmed(CREDENTIALS_ONLY, NEWER, at(0)), loggingIn, Status.FRESH,
                        "Announce(ReusedStored)", "Wake(0m..4m spread)", "Finish(Usable)"),
                row("login rejected (401): stopped until new credentials", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(new CredentialsRejected("bad")), 0,
                        stoppedForGood(CREDENTIALS_ONLY, Reason.CREDENTIALS_REJECTED, REJECTED), loggingIn,
                        Status.STOPPED, "Wake(none)", "Announce(GaveUp)", "Finish(Unavailable)"),
                row("login blocked (451): stopped for good", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(new Blocked("")), 0,
                        stoppedForGood(CREDENTIALS_ONLY, Reason.BLOCKED, BLOCKED), loggingIn, Status.STOPPED,
                        "Wake(none)", "Announce(GaveUp)", "Finish(Unavailable)"),
                row("login rate-limited (429): waiting for retry-after", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(new RateLimited(Duration.ofSeconds(30))), 0,
                        CREDENTIALS_ONLY.withStopped(Optional.of(LoginsStopped.until(Reason.RATE_LIMITED,
                                "the Login Service rate-limits logins of this user (429)", T0.plusSeconds(30))), 0)
                                .withWork(Optional.of(Work.at(T0.plusSeconds(30)))), loggingIn, Status.WAITING,
                        "Announce(GaveUp)", "Wake(0m)", "Finish(Unavailable)"),
                row("login outage, first in a row: retried soon, callers may try at once", CREDENTIALS_ONLY,
                        loggingIn, new Event.LoginFailed(OUTAGE), 0, CREDENTIALS_ONLY.withStopped(Optional.empty(), 1)
                                .withWork(Optional.of(Work.at(at(1)))), loggingIn, Status.NO_SESSION, "Wake(1m)",
                        "Finish(Unavailable)"),
                row("login outage, third in a row: backing off (spec §3.4)",
                        CREDENTIALS_ONLY.withStopped(Optional.empty(), 2), loggingIn, new Event.LoginFailed(OUTAGE),
                        0, CREDENTIALS_ONLY.withStopped(Optional.of(LoginsStopped.until(Reason.UNAVAILABLE,
                                "login failed 3 times in a row, last: login: HTTP 503; backing off (spec §3.4)",
                                at(2).plusSeconds(6))), 3).withWork(Optional.of(Work.at(at(2).plusSeconds(6)))),
                        loggingIn, Status.WAITING, "Announce(GaveUp)", "Wake(2m)", "Finish(Unavailable)"),
                // --- refreshes
                row("refresh flight, store holds nothing newer: refreshes at the service", CHECKED, refreshNow,
                        new Event.StoredLoaded(Optional.of(HELD)), 5, CHECKED, refreshing, Status.STALE, "Refresh"),
                row("refresh flight, another process confirmed it meanwhile: adopted", CHECKED, refreshNow,
                        new Event.StoredLoaded(Optional.of(confirmed4)), 5, confirmed(CHECKED, confirmed4, at(5)),
                        refreshNow, Status.FRESH, "Announce(ReusedStored)", "Wake(4m..8m spread)", "Finish(Usable)"),
                row("refreshed: saved", CHECKED, refreshing,
                        new Event.RefreshAnswered(new Refreshed(held5)), 5, CHECKED, refreshing, Status.STALE, "Save"),
                row("refresh saved: fresh, announced, keep-alive planned", CHECKED, refreshing,
                        new Event.Saved(held5, false), 5, confirmed(CHECKED, held5, at(5)), refreshing, Status.FRESH,
                        "Announce(Refreshed)", "Wake(5m..9m spread)", "Finish(Usable)"),
                row("refresh's save lost to another process's newer session: theirs held, no Refreshed", CHECKED,
                        refreshing, new Event.Saved(confirmed4, true), 5, confirmed(CHECKED, confirmed4, at(5)),
                        refreshing, Status.FRESH, "Announce(ReusedStored)", "Wake(4m..8m spread)", "Finish(Usable)"),
                row("refresh answered 401 (session gone), credentials held: one re-login", CHECKED, refreshing,
                        new Event.RefreshAnswered(new SessionGone(false)), 5, dead5, refreshNow.loggingIn(0, true),
                        Status.EXPIRED, "Announce(RefreshFailed)", "LogIn"),
                row("refresh answered 401, no credentials: dropped here and in the store",
                        CHECKED.withCredentials(Optional.empty()), refreshing,
                        new Event.RefreshAnswered(new SessionGone(true)), 5,
                        dead5.withCredentials(Optional.empty()).with(Optional.empty(), false, null), refreshing,
                        Status.NO_SESSION, "Announce(RefreshFailed)", "Wake(none)", "DeleteStored",
                        "Finish(Unavailable)"),
                row("refresh outage: the valid bearer stays, retried after a pause", CHECKED, refreshing,
                        new Event.RefreshFailed(OUTAGE), 5, CHECKED.withRefreshPausedUntil(at(6))
                                .withWork(Optional.of(Work.at(at(6)))), refreshing, Status.STALE,
                        "Announce(RefreshFailed)", "Wake(6m)", "Finish(NotRefreshed)"),
                row("refresh rate-limited (429): the valid bearer stays, retried after retry-after", CHECKED,
                        refreshing, new Event.RefreshAnswered(new RateLimited(Duration.ofSeconds(90))), 5,
                        CHECKED.withRefreshPausedUntil(at(6).plusSeconds(30))
                                .withWork(Optional.of(Work.at(at(6).plusSeconds(30)))), refreshing, Status.STALE,
                        "Announce(RefreshFailed)", "Wake(6m)", "Finish(NotRefreshed)"),
                row("refresh outage past the deadline: unavailable, retried after a pause", CHECKED, refreshing,
                        new Event.RefreshFailed(OUTAGE), 30, CHECKED.withRefreshPausedUntil(at(31))
                                .withWork(Optional.of(Work.at(at(31)))), refreshing, Status.EXPIRED,
                        "Announce(RefreshFailed)", "Wake(31m)", "Finish(Unavailable)"),
                row("refresh answered blocked (451): stopped for good", CHECKED, refreshing,
                        new Event.RefreshAnswered(new Blocked("")), 5, stoppedForGood(CHECKED, Reason.BLOCKED,
                                BLOCKED), refreshing, Status.STOPPED, "Wake(none)", "Announce(GaveUp)",
                        "Finish(Unavailable)"),
                // --- logout
                row("logout starts: forgotten at once, the store is read for another session", CHECKED,
                        flight(Purpose.LOGOUT), new Event.FlightStarted(), 1, NOTHING, logout, Status.NO_SESSION,
                        "Wake(none)", "LoadStored"),
                row("logout, store holds another session: both deleted and logged out", NOTHING, logout,
                        new Event.StoredLoaded(Optional.of(NEWER)), 1, NOTHING,
                        logout.withTargets(List.of(HELD, NEWER)), Status.NO_SESSION, "DeleteStored", "DeleteStored",
                        "LogOut(2)"),
                row("logged out upstream: announced, done", NOTHING, logout,
                        new Event.LoggedOutUpstream(Optional.empty()), 1, NOTHING, logout, Status.NO_SESSION,
                        "Announce(LoggedOut)", "Finish(LoggedOut)"));
    }

    private static Arguments row(String transition, KeyState given, FlightProgress flight, Event event, int minute,
            KeyState thenState, FlightProgress thenFlight, Status then, String... effects) {
        return Arguments.of(transition, given, flight, event, minute, thenState, thenFlight, then, List.of(effects));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void transition(String transition, KeyState given, FlightProgress flight, Event event, int minute,
            KeyState thenState, FlightProgress thenFlight, Status then, List<String> effects) {
        Instant now = T0.plus(Duration.ofMinutes(minute));

        Step step = MACHINE.next(KEY, given, flight, event, now, 0.5);

        assertThat(step.state()).as("the whole next state").isEqualTo(thenState);
        assertThat(step.flight()).as("the flight's progress").isEqualTo(thenFlight);
        assertThat(step.state().status(now, RULES)).as("state after").isEqualTo(then);
        assertThat(step.effects()).extracting(e -> describe(e, now)).as("effects").containsExactlyElementsOf(effects);
    }

    @Test
    void the_third_fresh_session_killed_within_the_window_raises_the_competing_login_warning() {
        Instant now = T0.plus(Duration.ofMinutes(5));
        KeyState twiceKilled = CHECKED.withYoungKills(List.of(T0.minus(Duration.ofMinutes(20)), T0));

        Step step = MACHINE.next(KEY, twiceKilled, flight(Purpose.REFRESH_NOW).refreshingNow(),
                new Event.RefreshAnswered(new SessionGone(false)), now, 0.5);

        assertThat(step.effects()).extracting(e -> describe(e, now)).containsExactly("Announce(RefreshFailed)",
                "Warn", "Announce(CompetingLogin)", "LogIn");
        assertThat(step.state().youngKills()).as("starts over").isEmpty();
    }

    @Test
    void a_session_killed_long_after_its_login_is_no_competing_login() {
        Instant now = T0.plus(Duration.ofMinutes(9)); // more than two intervals after the login
        KeyState twiceKilled = CHECKED.withYoungKills(List.of(T0.minus(Duration.ofMinutes(20)), T0));

        Step step = MACHINE.next(KEY, twiceKilled, flight(Purpose.REFRESH_NOW).refreshingNow(),
                new Event.RefreshAnswered(new SessionGone(false)), now, 0.5);

        assertThat(step.effects()).extracting(e -> describe(e, now)).containsExactly("Announce(RefreshFailed)",
                "LogIn");
    }

    @Test
    void an_explicit_login_returns_the_answer_once_saved() {
        LoggedIn answer = new LoggedIn(NEWER, Map.of());
        FlightProgress login = FlightProgress.login(CREDENTIALS).withAnswer(answer).loggingIn(0, false);

        Step step = MACHINE.next(KEY, CREDENTIALS_ONLY, login, new Event.Saved(NEWER, false), T0, 0.5);

        assertThat(step.effects().getLast()).isEqualTo(new Effect.Finish(new FlightResult.LoginAnswer(answer)));
    }

    private static String describe(Effect effect, Instant now) {
        return switch (effect) {
            case Effect.Serve serve -> "Serve";
            case Effect.Fail fail -> "Fail(" + switch (fail.why()) {
                case Why.Refused refused -> refused.reason();
                case Why.Outage outage -> "outage";
            } + ")";
            case Effect.StartInBackground start -> "StartInBackground(" + start.purpose() + ")";
            case Effect.AwaitFlight await -> "AwaitFlight(" + await.purpose() + ")";
            case Effect.Announce announce -> "Announce(" + announce.event().getClass().getSimpleName() + ")";
            case Effect.Wake wake -> "Wake(" + wake.when().map(w -> w.spread()
                    ? minutes(w.from()) + ".." + minutes(w.until()) + " spread"
                    : minutes(w.from())).orElse("none") + ")";
            case Effect.Finish finish -> "Finish(" + finish.result().getClass().getSimpleName() + ")";
            case Effect.LogOut logout -> "LogOut(" + logout.sessions().size() + ")";
            default -> effect.getClass().getSimpleName();
        };
    }

    /** Whole minutes after T0, rounded down (retries carry jitter). */
    private static String minutes(Instant t) {
        return Duration.between(T0, t).toMinutes() + "m";
    }
}
