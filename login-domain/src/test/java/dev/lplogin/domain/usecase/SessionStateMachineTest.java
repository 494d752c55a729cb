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
import dev.lplogin.domain.usecase.SessionStateMachine.Effect;
import dev.lplogin.domain.usecase.SessionStateMachine.Event;
import dev.lplogin.domain.usecase.SessionStateMachine.Flight;
import dev.lplogin.domain.usecase.SessionStateMachine.FlightResult;
import dev.lplogin.domain.usecase.SessionStateMachine.KeyState;
import dev.lplogin.domain.usecase.SessionStateMachine.LoginsStopped;
import dev.lplogin.domain.usecase.SessionStateMachine.Purpose;
import dev.lplogin.domain.usecase.SessionStateMachine.Rules;
import dev.lplogin.domain.usecase.SessionStateMachine.Status;
import dev.lplogin.domain.usecase.SessionStateMachine.Step;
import dev.lplogin.domain.usecase.SessionStateMachine.Work;
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

    private static Flight flight(Purpose purpose) {
        return Flight.of(purpose);
    }

    static Stream<Arguments> transitions() {
        Flight none = Flight.NONE;
        Flight getUsable = flight(Purpose.GET_USABLE);
        Flight refreshNow = flight(Purpose.REFRESH_NOW);
        Flight loggingIn = getUsable.loggingIn(0, false);
        Flight refreshing = refreshNow.refreshingNow();
        Flight logout = flight(Purpose.LOGOUT).withTargets(List.of(HELD));
        LoggedIn answer = new LoggedIn(NEWER, Map.of(ServiceName.LOGIN, SessionFixtures.LOGIN_HOST));
        return Stream.of(
                // --- callers of bearer()
                row("fresh, bearer asked: served", CHECKED, none, new Event.BearerAsked(), 1,
                        Status.FRESH, "Serve"),
                row("stale, bearer asked: served, one refresh starts in the background", CHECKED, none,
                        new Event.BearerAsked(), 5, Status.STALE, "Serve", "StartInBackground(REFRESH_IF_STALE)"),
                row("stale with refreshes paused, bearer asked: served, no refresh",
                        CHECKED.withRefreshPausedUntil(T0.plus(Duration.ofMinutes(6))), none,
                        new Event.BearerAsked(), 5, Status.STALE, "Serve"),
                row("expired, bearer asked: the caller waits for a flight", CHECKED, none, new Event.BearerAsked(),
                        31, Status.EXPIRED, "AwaitFlight(GET_USABLE)"),
                row("no session, bearer asked: the caller waits for a flight", CREDENTIALS_ONLY, none,
                        new Event.BearerAsked(), 0, Status.NO_SESSION, "AwaitFlight(GET_USABLE)"),
                row("stopped, bearer asked: fails at once", STOPPED, none, new Event.BearerAsked(), 0,
                        Status.STOPPED, "Fail(CREDENTIALS_REJECTED)"),
                row("waiting, bearer asked: fails at once", WAITING, none, new Event.BearerAsked(), 1,
                        Status.WAITING, "Fail(UNAVAILABLE)"),
                row("waiting time over, bearer asked: the caller waits for a flight", WAITING, none,
                        new Event.BearerAsked(), 11, Status.NO_SESSION, "AwaitFlight(GET_USABLE)"),
                // --- other callers
                row("stopped, refresh asked: fails at once", STOPPED, none, new Event.RefreshAsked(), 0,
                        Status.STOPPED, "Fail(CREDENTIALS_REJECTED)"),
                row("fresh, refresh asked: the caller waits for a refresh", CHECKED, none, new Event.RefreshAsked(),
                        1, Status.FRESH, "AwaitFlight(REFRESH_NOW)"),
                row("stopped, credentials given: a fresh start", STOPPED, none,
                        new Event.CredentialsGiven(CREDENTIALS), 0, Status.NO_SESSION),
                row("fresh, its bearer refused by an API: expired", HOT, none, new Event.BearerRefused(HELD.bearer()),
                        1, Status.EXPIRED),
                row("fresh, an older bearer refused: nothing changes", HOT, none,
                        new Event.BearerRefused(Secret.of("old")), 1, Status.FRESH),
                // --- the key's timer
                row("hot, timer at the end of the fresh window: reads check the time from now on", HOT, none,
                        new Event.TimerFired(false), 4, Status.STALE, "Wake(none)"),
                row("keep-alive due, timer: a refresh starts in the background",
                        HOT.withWork(Optional.of(Work.at(T0.plus(Duration.ofMinutes(3))))), none,
                        new Event.TimerFired(false), 3, Status.FRESH, "StartInBackground(REFRESH_NOW)", "Wake(4m)"),
                row("keep-alive step missed (joined another flight) and nothing planned since: start it again", HOT,
                        none, new Event.TimerFired(true), 3, Status.FRESH, "StartInBackground(REFRESH_NOW)",
                        "Wake(4m)"),
                // --- a flight for a usable session
                row("flight for a usable session finds one: done", CHECKED, getUsable, new Event.FlightStarted(), 1,
                        Status.FRESH, "Finish(Usable)"),
                row("flight for a usable session finds it expired: takes the store lease", CHECKED, getUsable,
                        new Event.FlightStarted(), 31, Status.EXPIRED, "TakeLease"),
                row("flight for a usable session while stopped: done, unavailable", STOPPED, getUsable,
                        new Event.FlightStarted(), 0, Status.STOPPED, "Finish(Unavailable)"),
                row("lease taken, still nothing usable: loads the store", CREDENTIALS_ONLY, getUsable,
                        new Event.LeaseTaken(), 0, Status.NO_SESSION, "LoadStored"),
                row("lease taken, another flight brought a session meanwhile: done", CHECKED, getUsable,
                        new Event.LeaseTaken(), 1, Status.FRESH, "Finish(Usable)"),
                row("stored session live: adopted, keep-alive planned", CREDENTIALS_ONLY, getUsable,
                        new Event.StoredLoaded(Optional.of(HELD)), 1, Status.FRESH, "Announce(ReusedStored)",
                        "Wake(0m..4m spread)", "Finish(Usable)"),
                row("nothing stored, credentials held: logs in", CREDENTIALS_ONLY, getUsable,
                        new Event.StoredLoaded(Optional.empty()), 0, Status.NO_SESSION, "LogIn"),
                row("nothing stored, no credentials: not logged in", NOTHING, getUsable,
                        new Event.StoredLoaded(Optional.empty()), 0, Status.NO_SESSION, "Finish(Unavailable)"),
                row("store unreachable, nothing usable held: no blind login (it could kill another process's live"
                        + " session); fails as the store's outage, retried soon", CREDENTIALS_ONLY, getUsable,
                        new Event.StoreUnavailable(STORE_DOWN), 0, Status.NO_SESSION, "Wake(1m)",
                        "Finish(Unavailable)"),
                // --- logins
                row("login answered: hosts seeded, session saved", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(answer), 0, Status.NO_SESSION, "Seed", "Save"),
                row("login saved: held, announced, keep-alive planned", CREDENTIALS_ONLY, loggingIn,
                        new Event.Saved(HELD, false), 0, Status.FRESH, "Announce(LoggedIn)", "Wake(0m..4m spread)",
                        "Finish(Usable)"),
                row("login rejected (401): stopped until new credentials", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(new CredentialsRejected("bad")), 0, Status.STOPPED, "Wake(none)",
                        "Announce(GaveUp)", "Finish(Unavailable)"),
                row("login blocked (451): stopped for good", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(new Blocked("")), 0, Status.STOPPED, "Wake(none)",
                        "Announce(GaveUp)", "Finish(Unavailable)"),
                row("login rate-limited (429): waiting for retry-after", CREDENTIALS_ONLY, loggingIn,
                        new Event.LoginAnswered(new RateLimited(Duration.ofSeconds(30))), 0, Status.WAITING,
                        "Announce(GaveUp)", "Wake(0m)", "Finish(Unavailable)"),
                row("login outage, first in a row: retried soon, callers may try at once", CREDENTIALS_ONLY,
                        loggingIn, new Event.LoginFailed(OUTAGE), 0, Status.NO_SESSION, "Wake(1m)",
                        "Finish(Unavailable)"),
                row("login outage, third in a row: backing off (spec §3.4)",
                        CREDENTIALS_ONLY.withStopped(Optional.empty(), 2), loggingIn, new Event.LoginFailed(OUTAGE),
                        0, Status.WAITING, "Announce(GaveUp)", "Wake(2m)", "Finish(Unavailable)"),
                // --- refreshes
                row("refresh flight, store holds nothing newer: refreshes at the service", CHECKED, refreshNow,
                        new Event.StoredLoaded(Optional.of(HELD)), 5, Status.STALE, "Refresh"),
                row("refresh flight, store unreachable: refreshes the held session without it", CHECKED, refreshNow,
                        new Event.StoreUnavailable(STORE_DOWN), 5, Status.STALE, "Warn", "Refresh"),
                row("refresh flight, another process confirmed it meanwhile: adopted", CHECKED, refreshNow,
                        new Event.StoredLoaded(Optional.of(SessionFixtures.session(T0.plus(Duration.ofMinutes(4)),
                                Optional.empty()))), 5, Status.FRESH, "Announce(ReusedStored)", "Wake(4m..8m spread)",
                        "Finish(Usable)"),
                row("refreshed: saved", CHECKED, refreshing,
                        new Event.RefreshAnswered(new Refreshed(HELD.confirmedAt(T0.plus(Duration.ofMinutes(5)),
                                List.of()))), 5, Status.STALE, "Save"),
                row("refresh saved: fresh, announced, keep-alive planned", CHECKED, refreshing,
                        new Event.Saved(HELD.confirmedAt(T0.plus(Duration.ofMinutes(5)), List.of()), false), 5, Status.FRESH,
                        "Announce(Refreshed)", "Wake(5m..9m spread)", "Finish(Usable)"),
                row("refresh answered 401 (session gone), credentials held: one re-login", CHECKED, refreshing,
                        new Event.RefreshAnswered(new SessionGone(false)), 5, Status.EXPIRED,
                        "Announce(RefreshFailed)", "LogIn"),
                row("refresh answered 401, no credentials: dropped here and in the store",
                        CHECKED.withCredentials(Optional.empty()), refreshing,
                        new Event.RefreshAnswered(new SessionGone(true)), 5, Status.NO_SESSION,
                        "Announce(RefreshFailed)", "Wake(none)", "DeleteStored", "Finish(Unavailable)"),
                row("refresh outage: the valid bearer stays, retried after a pause", CHECKED, refreshing,
                        new Event.RefreshFailed(OUTAGE), 5, Status.STALE, "Announce(RefreshFailed)", "Wake(6m)",
                        "Finish(NotRefreshed)"),
                row("refresh outage past the deadline: unavailable, retried after a pause", CHECKED, refreshing,
                        new Event.RefreshFailed(OUTAGE), 30, Status.EXPIRED, "Announce(RefreshFailed)", "Wake(31m)",
                        "Finish(Unavailable)"),
                row("refresh answered blocked (451): stopped for good", CHECKED, refreshing,
                        new Event.RefreshAnswered(new Blocked("")), 5, Status.STOPPED, "Wake(none)",
                        "Announce(GaveUp)", "Finish(Unavailable)"),
                // --- logout
                row("logout starts: forgotten at once, the store is read for another session", CHECKED,
                        flight(Purpose.LOGOUT), new Event.FlightStarted(), 1, Status.NO_SESSION, "Wake(none)",
                        "LoadStored"),
                row("logout, store holds another session: both deleted and logged out", NOTHING, logout,
                        new Event.StoredLoaded(Optional.of(NEWER)), 1, Status.NO_SESSION, "DeleteStored",
                        "DeleteStored", "LogOut(2)"),
                row("logged out upstream: announced, done", NOTHING, logout,
                        new Event.LoggedOutUpstream(Optional.empty()), 1, Status.NO_SESSION, "Announce(LoggedOut)",
                        "Finish(LoggedOut)"));
    }

    private static Arguments row(String transition, KeyState given, Flight flight, Event event, int minute,
            Status then, String... effects) {
        return Arguments.of(transition, given, flight, event, minute, then, List.of(effects));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void transition(String transition, KeyState given, Flight flight, Event event, int minute, Status then,
            List<String> effects) {
        Instant now = T0.plus(Duration.ofMinutes(minute));

        Step step = MACHINE.next(KEY, given, flight, event, now, 0.5);

        assertThat(step.effects()).extracting(e -> describe(e, now)).as("effects").containsExactlyElementsOf(effects);
        assertThat(step.state().status(now, RULES)).as("state after").isEqualTo(then);
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
        Flight login = Flight.login(CREDENTIALS).withAnswer(answer).loggingIn(0, false);

        Step step = MACHINE.next(KEY, CREDENTIALS_ONLY, login, new Event.Saved(NEWER, false), T0, 0.5);

        assertThat(step.effects().getLast()).isEqualTo(new Effect.Finish(new FlightResult.LoginAnswer(answer)));
    }

    private static String describe(Effect effect, Instant now) {
        return switch (effect) {
            case Effect.Serve serve -> "Serve";
            case Effect.Fail fail -> "Fail(" + switch (fail.why()) {
                case SessionStateMachine.Why.Refused refused -> refused.reason();
                case SessionStateMachine.Why.Outage outage -> "outage";
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
