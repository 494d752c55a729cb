package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rule of the session lifecycle, as one pure function: {@link #next(SessionKey, KeyState, FlightProgress, Event,
 * Instant, double)} takes what the core knows about one key, what just happened and the time, and returns what the
 * core knows now and what to do about it ({@link Effect}s). Nothing here has a thread, a clock, a lock or I/O: the
 * {@link EffectRunner} runs the effects (calls to the ports, timers, store writes, listener events) and feeds each
 * answer back as the next {@link Event}; it decides nothing. {@code docs/lifecycle.md} draws the states and lists
 * every transition.
 *
 * <p>A <b>flight</b> is one piece of upstream work for a key (get a usable session, refresh, log in, log out). The
 * core runs at most one flight per key at a time; concurrent callers share it. Its progress ({@link FlightProgress}) travels
 * with the events of that flight, and it ends with an {@link Effect.Finish} carrying a sealed {@link FlightResult}.
 *
 * @param rules the settings that the rules depend on
 */
record SessionStateMachine(Rules rules) {

    /** A session killed within this many refresh intervals after its login counts as killed young. */
    static final int YOUNG_INTERVALS = 2;
    /** Young kills must repeat within this many refresh intervals (an hour by default) to make a pattern. */
    static final int KILL_WINDOW_INTERVALS = 15;
    /** Young kills within the window that raise the competing-login warning. */
    static final int KILLS_THRESHOLD = 3;
    /**
     * Keep-alive refreshes are planned anywhere in the last this-much of the refresh interval after a confirmation;
     * the {@link RefreshPlanner} picks the least busy moment, the latest on a tie. A lone session is therefore
     * refreshed at the end of its fresh window, and a burst of simultaneous logins is spread over (almost) the whole
     * interval at once, so that the refresh waves that follow are flat whatever the pattern of logins. The first
     * 5 % are left out so that no session is refreshed right after its login.
     */
    static final double SPREAD_FRACTION = 0.95;

    static final String COMPETING_ADVICE = "another process (or machine) is probably logging in as the same user: "
            + "LivePerson keeps one session per user, so each login kills the other's session; let the processes "
            + "share one session store so that they reuse one session instead of competing";

    /**
     * When a session's bearer stops being handed out without a look at the time: at the end of its fresh window,
     * but never later than one refresh interval before its hard deadline (idle timeout or maximum lifetime). That
     * margin is the bound on a late timer: the timer that moves the key from fresh to checking would have to be
     * more than one refresh interval late (26 minutes with the defaults for the idle timeout) before a bearer past
     * its hard deadline could be handed out; once moved, every read compares the time with the deadline.
     */
    Instant handoverAt(Session session) {
        Instant freshEnd = session.lastConfirmedAt().plus(rules.refreshInterval());
        Instant deadline = hardDeadline(session);
        Instant latest = deadline.minus(rules.refreshInterval());
        return freshEnd.isBefore(latest) ? freshEnd : latest;
    }

    /** When {@code session} must no longer be handed out: its idle timeout or maximum lifetime, whichever is first. */
    Instant hardDeadline(Session session) {
        Instant idle = session.lastConfirmedAt().plus(rules.idleTimeout());
        return session.expiresAt().filter(end -> end.isBefore(idle)).orElse(idle);
    }

    // ----------------------------------------------------------------------------------------------- transitions

    /**
     * The transition function.
     *
     * @param key    the key (for the events announced)
     * @param state  what the core knows about the key
     * @param flight the progress of the flight this event belongs to ({@link FlightProgress#NONE} outside flights)
     * @param event  what happened
     * @param now    the time it happened
     * @param luck   a uniformly random number in [0, 1) for the jitter of retries (tests pass a fixed one)
     */
    Step next(SessionKey key, KeyState state, FlightProgress flight, Event event, Instant now, double luck) {
        return new Transition(key, state, flight, now, luck).on(event);
    }

    /** One transition being computed: collects the effects and the new state. */
    private final class Transition {

        private final SessionKey key;
        private final Instant now;
        private final double luck;
        private final List<Effect> effects = new ArrayList<>();
        private KeyState state;
        private FlightProgress flight;

        Transition(SessionKey key, KeyState state, FlightProgress flight, Instant now, double luck) {
            this.key = key;
            this.state = state;
            this.flight = flight;
            this.now = now;
            this.luck = luck;
        }

        Step on(Event event) {
            switch (event) {
                case Event.CredentialsGiven given -> {
                    // new credentials: a fresh start, whatever stopped the old ones
                    state = state.withCredentials(Optional.of(given.credentials())).withStopped(Optional.empty(), 0);
                }
                case Event.BearerAsked asked -> bearerAsked();
                case Event.RefreshAsked asked -> {
                    if (state.usable(now, rules).isEmpty() && state.stopped().isPresent()
                            && state.stopped().get().activeAt(now)) {
                        effects.add(new Effect.Fail(state.stopped().orElseThrow().refusal()));
                    } else {
                        effects.add(new Effect.AwaitFlight(Purpose.REFRESH_NOW));
                    }
                }
                case Event.BearerRefused refused -> {
                    // only the current bearer counts: many callers reporting the same old 401 cause one re-login;
                    // an older one is still never taken up from the store again
                    if (state.session().filter(s -> s.bearer().equals(refused.bearer())).isPresent()) {
                        state = state.with(state.session(), true, null);
                    }
                    state = state.refusing(refused.bearer());
                }
                case Event.TimerFired fired -> timerFired(fired.missed());
                case Event.FlightStarted started -> flightStarted();
                case Event.LeaseTaken taken -> leaseTaken();
                case Event.StoredLoaded loaded -> storedLoaded(loaded.stored());
                case Event.StoreUnavailable unavailable -> storeUnavailable(unavailable.failure());
                case Event.LoginAnswered answered -> loginAnswered(answered.outcome());
                case Event.LoginFailed failed -> loginFailed(failed.failure());
                case Event.RefreshAnswered answered -> refreshAnswered(answered.outcome());
                case Event.RefreshFailed failed -> refreshFailed(failed.failure().getMessage(),
                        new Why.Outage(failed.failure(), Optional.empty()), Duration.ZERO);
                case Event.Saved saved -> saved(saved.held(), saved.theirs());
                case Event.LoggedOutUpstream done -> {
                    if (!flight.targets().isEmpty()) {
                        effects.add(new Effect.Announce(new SessionEvent.LoggedOut(key, now)));
                    }
                    finish(new FlightResult.LoggedOut(!flight.targets().isEmpty(), done.failure()));
                }
            }
            return new Step(state, flight, effects);
        }

        private void bearerAsked() {
            switch (state.status(now, rules)) {
                case FRESH -> effects.add(new Effect.Serve(state.session().orElseThrow()));
                case STALE -> {
                    effects.add(new Effect.Serve(state.session().orElseThrow()));
                    // the one refresh runs (or already runs) in the background, unless a failed one paused them
                    if (!now.isBefore(state.refreshPausedUntil())) {
                        effects.add(new Effect.StartInBackground(Purpose.REFRESH_IF_STALE));
                    }
                }
                case STOPPED, WAITING -> {
                    Optional<Session> usable = state.usable(now, rules);
                    effects.add(usable.<Effect>map(Effect.Serve::new)
                            .orElseGet(() -> new Effect.Fail(state.stopped().orElseThrow().refusal())));
                }
                case NO_SESSION, EXPIRED -> effects.add(new Effect.AwaitFlight(Purpose.GET_USABLE));
            }
        }

        private void timerFired(boolean missed) {
            Session held = state.session().orElse(null);
            if (state.hotBearer() != null && held != null && !now.isBefore(handoverAt(held))) {
                state = state.with(state.session(), state.dead(), null); // from now on every read checks the time
            }
            Optional<Work> work = state.work();
            boolean workDue = work.isPresent() && !now.isBefore(work.get().from());
            boolean missedWork = missed && work.isEmpty() && rules.keepAlive()
                    && (state.session().isPresent() || state.credentials().isPresent());
            if (workDue || missedWork) {
                state = state.withWork(Optional.empty());
                effects.add(new Effect.StartInBackground(Purpose.REFRESH_NOW));
            }
            wake();
        }

        private void flightStarted() {
            Purpose purpose = flight.purpose();
            switch (purpose) {
                case LOGIN -> effects.add(new Effect.TakeLease());
                case LOGOUT -> {
                    flight = flight.withTargets(state.session().stream().toList());
                    state = KeyState.EMPTY.withRefused(state.refused());
                    effects.add(new Effect.Wake(Optional.empty()));
                    effects.add(new Effect.LoadStored());
                }
                case REFRESH_IF_STALE -> {
                    Freshness freshness = state.freshness(now, rules);
                    if (freshness == Freshness.FRESH) {
                        finish(new FlightResult.Usable(state.session().orElseThrow())); // someone already did
                    } else {
                        takeLeaseUnlessStopped();
                    }
                }
                case GET_USABLE -> {
                    Optional<Session> usable = state.usable(now, rules);
                    if (usable.isPresent()) {
                        finish(new FlightResult.Usable(usable.get()));
                    } else {
                        takeLeaseUnlessStopped();
                    }
                }
                case REFRESH_NOW -> takeLeaseUnlessStopped();
            }
        }

        private void takeLeaseUnlessStopped() {
            if (state.usable(now, rules).isEmpty() && state.stopped().isPresent()
                    && state.stopped().get().activeAt(now)) {
                finish(new FlightResult.Unavailable(state.stopped().get().refusal()));
            } else {
                effects.add(new Effect.TakeLease());
            }
        }

        private void leaseTaken() {
            // Re-read after waiting for the lease: another flight or process may have done the work meanwhile.
            if (flight.purpose() == Purpose.GET_USABLE && state.usable(now, rules).isPresent()) {
                finish(new FlightResult.Usable(state.usable(now, rules).get()));
            } else {
                effects.add(new Effect.LoadStored());
            }
        }

        private void storedLoaded(Optional<Session> stored) {
            Purpose purpose = flight.purpose();
            if (purpose == Purpose.LOGOUT) {
                List<Session> targets = new ArrayList<>(flight.targets());
                stored.filter(s -> targets.stream().noneMatch(held -> held.bearer().equals(s.bearer())))
                        .ifPresent(targets::add);
                flight = flight.withTargets(targets);
                targets.forEach(t -> effects.add(new Effect.DeleteStored(t)));
                effects.add(new Effect.LogOut(targets));
                return;
            }
            if (purpose == Purpose.LOGIN) {
                long version = stored.map(Session::version)
                        .orElse(state.session().map(Session::version).orElse(0L));
                logIn(flight.loginWith().orElseThrow(), version, false);
                return;
            }
            Optional<Session> usable = state.usable(now, rules);
            if (usable.isPresent() && purpose != Purpose.GET_USABLE) {
                // another process sharing the store may have confirmed (or replaced) the session while we waited
                Session held = usable.get();
                if (stored.isPresent() && stored.get().lastConfirmedAt().isAfter(held.lastConfirmedAt())
                        && stored.get().freshnessAt(now, rules.refreshInterval(), rules.idleTimeout())
                        == Freshness.FRESH) {
                    adopt(stored.get());
                } else {
                    flight = flight.refreshingNow();
                    effects.add(new Effect.Refresh(held));
                }
                return;
            }
            if (stored.isPresent() && reusable(stored.get())) {
                hold(stored.get());
                if (purpose == Purpose.REFRESH_NOW) {
                    // an explicit refresh in a new process must refresh, not just pick up
                    flight = flight.refreshingNow();
                    effects.add(new Effect.Refresh(stored.get()));
                } else {
                    wake();
                    finish(new FlightResult.Usable(stored.get()));
                }
                return;
            }
            if (state.credentials().isEmpty()) {
                finish(new FlightResult.Unavailable(notLoggedIn()));
                return;
            }
            logIn(state.credentials().get(), stored.map(Session::version).orElse(0L), state.session().isPresent());
        }

        /**
         * The store could not be read. A logout goes on without it, and so does an explicit login while the store is
         * merely unreachable (the caller asked for a new session). A flight that holds a usable session goes on with
         * it, but will not log in (see {@link #sessionGone}). Otherwise no login: another process sharing the store
         * may hold a live session, which a login would kill (one session per user), and a record that cannot be opened
         * (a wrong store key) is not "nothing stored" either. The flight fails with the store's error; keep-alive tries
         * again soon if the store is only unreachable.
         */
        private void storeUnavailable(StoreException failure) {
            Purpose purpose = flight.purpose();
            boolean goOn = purpose == Purpose.LOGOUT || (purpose == Purpose.LOGIN && failure.retryable());
            if (goOn || (state.usable(now, rules).isPresent() && purpose != Purpose.LOGIN)) {
                effects.add(new Effect.Warn("could not read the stored session of " + key + "; going on without it: "
                        + failure.getMessage()));
                flight = flight.withStoreFailure(failure);
                storedLoaded(Optional.empty());
                return;
            }
            if (state.credentials().isPresent() && failure.retryable()) {
                planWork(Work.at(retrySoon(Duration.ZERO)));
            }
            finish(new FlightResult.Unavailable(new Why.Outage(failure, Optional.empty())));
        }

        private void logIn(Credentials credentials, long storedVersion, boolean relogin) {
            flight = flight.loggingIn(storedVersion, relogin);
            effects.add(new Effect.LogIn(credentials));
        }

        private void loginAnswered(LoginOutcome outcome) {
            switch (outcome) {
                case LoggedIn loggedIn -> {
                    flight = flight.withAnswer(outcome);
                    if (!loggedIn.services().isEmpty()) {
                        effects.add(new Effect.Seed(loggedIn));
                    }
                    effects.add(new Effect.Save(loggedIn.session().withVersion(flight.storedVersion())));
                }
                case CredentialsRejected rejected -> stop(LoginsStopped.forGood(Reason.CREDENTIALS_REJECTED,
                        "the Login Service rejected the credentials (401" + detail(rejected.detail())
                                + "); no further attempts until you log in again with correct credentials"), outcome);
                case Blocked blocked -> stop(blockedStop(blocked), blocked);
                case RateLimited limited -> {
                    Instant until = now.plus(limited.retryAfter());
                    LoginsStopped waiting = LoginsStopped.until(Reason.RATE_LIMITED,
                            "the Login Service rate-limits logins of this user (429)", until);
                    state = state.withStopped(Optional.of(waiting), state.failedLogins());
                    effects.add(new Effect.Announce(new SessionEvent.GaveUp(key, now, waiting.message())));
                    planWork(Work.at(until));
                    finishLogin(outcome, waiting.refusal());
                }
            }
        }

        private void loginFailed(InfrastructureException failure) {
            Optional<Instant> nextAttempt = Optional.empty();
            if (failure.retryable()) {
                int failures = state.failedLogins() + 1;
                Optional<Instant> next = rules.backoff().nextAttempt(failures, now, luck);
                if (next.isEmpty()) {
                    // below the threshold: the next caller may try at once, and keep-alive tries again soon
                    state = state.withStopped(state.stopped(), failures);
                    planWork(Work.at(retrySoon(Duration.ZERO)));
                } else {
                    LoginsStopped waiting = LoginsStopped.until(Reason.UNAVAILABLE, "login failed " + failures
                            + " times in a row, last: " + failure.getMessage() + "; backing off (spec §3.4)",
                            next.get());
                    state = state.withStopped(Optional.of(waiting), failures);
                    effects.add(new Effect.Announce(new SessionEvent.GaveUp(key, now, waiting.message())));
                    planWork(Work.at(next.get()));
                    nextAttempt = next;
                }
            }
            finish(new FlightResult.Unavailable(new Why.Outage(failure, nextAttempt)));
        }

        private void refreshAnswered(RefreshOutcome outcome) {
            Session refreshed = state.session().orElseThrow();
            switch (outcome) {
                case Refreshed r -> effects.add(new Effect.Save(r.session()));
                case SessionGone gone -> sessionGone(refreshed, gone);
                case Blocked blocked -> stop(blockedStop(blocked), blocked);
                case RateLimited limited -> refreshFailed("the Login Service rate-limits refreshes of this user (429)",
                        LoginsStopped.until(Reason.RATE_LIMITED,
                                "the Login Service rate-limits refreshes of this user (429)",
                                now.plus(limited.retryAfter())).refusal(),
                        limited.retryAfter());
            }
        }

        /** The service dropped the session (401 on refresh): one re-login, whose session replaces it atomically. */
        private void sessionGone(Session dead, SessionGone gone) {
            effects.add(new Effect.Announce(new SessionEvent.RefreshFailed(key, now, gone.csrfMismatch()
                    ? "the service rejected the session's csrf token (401); logging in again"
                    : "the service no longer knows the session (401); logging in again")));
            countKill(dead);
            // callers must not get the dead bearer meanwhile: marked dead, they wait for this flight's re-login
            state = state.with(state.session(), true, null).refusing(dead.bearer());
            if (flight.storeFailure().isPresent() && flight.purpose() != Purpose.LOGOUT) {
                // the store could not be read: another process may hold a live session (maybe the very login that
                // killed ours), which a blind re-login would kill in turn; callers wait for the store
                StoreException failure = flight.storeFailure().get();
                if (failure.retryable()) {
                    planWork(Work.at(retrySoon(Duration.ZERO)));
                }
                finish(new FlightResult.Unavailable(new Why.Outage(failure, Optional.empty())));
                return;
            }
            if (state.credentials().isEmpty()) {
                Why why = notLoggedIn();
                state = state.with(Optional.empty(), false, null).withWork(Optional.empty());
                effects.add(new Effect.Wake(Optional.empty()));
                effects.add(new Effect.DeleteStored(dead));
                finish(new FlightResult.Unavailable(why));
                return;
            }
            logIn(state.credentials().get(), dead.version(), true);
        }

        private void countKill(Session dead) {
            if (Duration.between(dead.issuedAt(), now).compareTo(
                    rules.refreshInterval().multipliedBy(YOUNG_INTERVALS)) > 0) {
                return;
            }
            Duration window = rules.refreshInterval().multipliedBy(KILL_WINDOW_INTERVALS);
            List<Instant> kills = new ArrayList<>(state.youngKills().stream()
                    .filter(t -> Duration.between(t, now).compareTo(window) <= 0).toList());
            kills.add(now);
            if (kills.size() >= KILLS_THRESHOLD) {
                effects.add(new Effect.Warn(key + ": " + kills.size() + " fresh sessions were killed soon after "
                        + "login; " + COMPETING_ADVICE));
                effects.add(new Effect.Announce(new SessionEvent.CompetingLogin(key, now, kills.size(),
                        COMPETING_ADVICE)));
                kills.clear(); // start over: the warning repeats only if the pattern does
            }
            state = state.withYoungKills(kills);
        }

        /** A failed refresh leaves a still-valid session in place (never disturb a valid bearer) and retries. */
        private void refreshFailed(String reason, Why why, Duration atLeast) {
            Session session = state.session().orElseThrow();
            effects.add(new Effect.Announce(new SessionEvent.RefreshFailed(key, now, reason)));
            Instant retry = retrySoon(atLeast);
            state = state.withRefreshPausedUntil(retry);
            // planned even if the session has just expired: then the retry is a re-login (following the back-off)
            planWork(Work.at(retry));
            if (session.freshnessAt(now, rules.refreshInterval(), rules.idleTimeout()) == Freshness.EXPIRED) {
                finish(new FlightResult.Unavailable(why));
            } else {
                finish(new FlightResult.NotRefreshed(session, why));
            }
        }

        private void saved(Session held, boolean theirs) {
            if (theirs) {
                // another process logged in later, which killed ours: its session is held, and announced as such
                state = confirmed(held).withRefreshPausedUntil(Instant.MIN);
                effects.add(new Effect.Announce(new SessionEvent.ReusedStored(key, now)));
                planKeepAlive(held);
                if (flight.purpose() == Purpose.LOGIN && flight.answer().orElseThrow() instanceof LoggedIn answer) {
                    finish(new FlightResult.LoginAnswer(new LoggedIn(held, answer.services())));
                } else {
                    finish(new FlightResult.Usable(held));
                }
                return;
            }
            state = confirmed(held);
            if (flight.refreshing()) {
                state = state.withRefreshPausedUntil(Instant.MIN);
                effects.add(new Effect.Announce(new SessionEvent.Refreshed(key, now)));
            } else {
                effects.add(new Effect.Announce(new SessionEvent.LoggedIn(key, now, flight.relogin())));
            }
            planKeepAlive(held);
            if (flight.purpose() == Purpose.LOGIN) {
                finish(new FlightResult.LoginAnswer(flight.answer().orElseThrow()));
            } else {
                finish(new FlightResult.Usable(held));
            }
        }

        /** Holds a live session another process saved, with the keep-alive planned from its last confirmation. */
        private void adopt(Session stored) {
            hold(stored);
            wake();
            finish(new FlightResult.Usable(stored));
        }

        private void hold(Session stored) {
            state = confirmed(stored);
            effects.add(new Effect.Announce(new SessionEvent.ReusedStored(key, now)));
            planKeepAliveQuietly(stored);
        }

        /** {@code session} held as confirmed: hot while fresh, nothing stopping logins any more. */
        private KeyState confirmed(Session session) {
            boolean hot = now.isBefore(handoverAt(session));
            return state.with(Optional.of(session), false, hot ? session.bearer() : null)
                    .withStopped(Optional.empty(), 0);
        }

        private void stop(LoginsStopped stopped, LoginOutcome outcome) {
            state = state.with(Optional.empty(), false, null).withStopped(Optional.of(stopped), 0)
                    .withWork(Optional.empty());
            effects.add(new Effect.Wake(Optional.empty()));
            effects.add(new Effect.Announce(new SessionEvent.GaveUp(key, now, stopped.message())));
            finishLogin(outcome, stopped.refusal());
        }

        private void finishLogin(LoginOutcome outcome, Why why) {
            finish(flight.purpose() == Purpose.LOGIN ? new FlightResult.LoginAnswer(outcome)
                    : new FlightResult.Unavailable(why));
        }

        private void finish(FlightResult result) {
            effects.add(new Effect.Finish(result));
        }

        private void planKeepAlive(Session session) {
            planKeepAliveQuietly(session);
            wake();
        }

        /** The next refresh: spread over the end of the refresh interval after {@code session}'s confirmation. */
        private void planKeepAliveQuietly(Session session) {
            Instant latest = session.lastConfirmedAt().plus(rules.refreshInterval());
            Instant earliest = latest.minus(Duration.ofNanos(
                    (long) (rules.refreshInterval().toNanos() * SPREAD_FRACTION)));
            state = state.withWork(rules.keepAlive() ? Optional.of(new Work(earliest, latest, true))
                    : Optional.empty());
        }

        private void planWork(Work work) {
            state = state.withWork(rules.keepAlive() ? Optional.of(work) : Optional.empty());
            wake();
        }

        /** Sets the key's timer to the next of: its planned work, the handover of a hot bearer. */
        private void wake() {
            Optional<Work> work = state.work();
            Optional<Instant> handover = state.hotBearer() == null ? Optional.empty()
                    : state.session().map(SessionStateMachine.this::handoverAt);
            if (handover.isPresent() && (work.isEmpty() || handover.get().isBefore(work.get().until()))) {
                Instant h = handover.get();
                work = Optional.of(work.isPresent() && work.get().from().isBefore(h)
                        ? new Work(work.get().from(), h, work.get().spread()) : Work.at(h));
            }
            effects.add(new Effect.Wake(work));
        }

        /** A quarter interval keeps several tries within the idle timeout without hammering a failing service. */
        private Instant retrySoon(Duration atLeast) {
            double factor = 1 + rules.jitter() * (2 * luck - 1);
            Duration pause = Duration.ofNanos((long) (rules.refreshInterval().dividedBy(4).toNanos() * factor));
            return now.plus(atLeast.compareTo(pause) > 0 ? atLeast : pause);
        }

        private boolean reusable(Session stored) {
            boolean knownDead = state.dead()
                    && state.session().map(held -> held.bearer().equals(stored.bearer())).orElse(false);
            return !knownDead && !state.refused().contains(stored.bearer())
                    && stored.freshnessAt(now, rules.refreshInterval(), rules.idleTimeout()) != Freshness.EXPIRED;
        }

        private Why.Refused notLoggedIn() {
            return new Why.Refused(Reason.NOT_LOGGED_IN, state.session().isPresent()
                    ? "the session has ended, and no credentials are held to start a new one"
                    : "not logged in (no live session held or stored, no credentials held); log in first",
                    Optional.empty());
        }
    }

    private static LoginsStopped blockedStop(Blocked blocked) {
        return LoginsStopped.forGood(Reason.BLOCKED, "LivePerson blocked the account or user (451"
                + detail(blocked.detail()) + "); no further attempts are made: contact LivePerson support");
    }

    private static String detail(String detail) {
        return detail.isBlank() ? "" : ": " + detail;
    }
}
