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
 * Every rule of the session lifecycle, as one pure function: {@link #next(SessionKey, KeyState, Flight, Event,
 * Instant, double)} takes what the core knows about one key, what just happened and the time, and returns what the
 * core knows now and what to do about it ({@link Effect}s). Nothing here has a thread, a clock, a lock or I/O: the
 * {@link EffectRunner} runs the effects (calls to the ports, timers, store writes, listener events) and feeds each
 * answer back as the next {@link Event}; it decides nothing. {@code docs/lifecycle.md} draws the states and lists
 * every transition.
 *
 * <p>A <b>flight</b> is one piece of upstream work for a key (get a usable session, refresh, log in, log out). The
 * core runs at most one flight per key at a time; concurrent callers share it. Its progress ({@link Flight}) travels
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
    /** How many refused bearers a key remembers: enough for a few stale ones left in a store. */
    static final int REFUSED_REMEMBERED = 4;
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
     * The settings the rules read.
     *
     * @param refreshInterval how long a confirmation keeps a session fresh
     * @param idleTimeout     after how long without confirmation a session is dead (its hard deadline)
     * @param backoff         the long-interval retry of logins (spec §3.4)
     * @param jitter          spread of retries after failures, 0–0.5
     * @param keepAlive       whether the core refreshes and retries in the background
     */
    record Rules(Duration refreshInterval, Duration idleTimeout, Backoff backoff, double jitter, boolean keepAlive) {

        static Rules from(LoginSettings settings) {
            return new Rules(settings.refreshInterval(), settings.idleTimeout(), Backoff.from(settings),
                    settings.jitter(), settings.keepAlive());
        }
    }

    // ---------------------------------------------------------------------------------------------------- states

    /** The states a key is in, as {@code docs/lifecycle.md} draws them; {@link KeyState#status} computes it. */
    enum Status {
        /** No session held, nothing stopping a login: the next caller (or the store) brings one. */
        NO_SESSION,
        /** A session confirmed within the refresh interval: its bearer is handed out as is. */
        FRESH,
        /** A refresh is due: the bearer is still handed out while one refresh runs in the background. */
        STALE,
        /** The held session is past its hard deadline or known dead (401): only a new login helps. */
        EXPIRED,
        /** Logins are stopped for good: rejected credentials (until new ones) or blocked. */
        STOPPED,
        /** Logins wait until a time: back-off after repeated outages or a rate limit. */
        WAITING
    }

    /**
     * Why no login is attempted for a key now: for good ({@code until} empty) or until a time.
     *
     * @param message says what happened and what to do; never a secret
     */
    record LoginsStopped(Reason reason, String message, Optional<Instant> until) {

        LoginsStopped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(until, "until");
        }

        static LoginsStopped forGood(Reason reason, String message) {
            return new LoginsStopped(reason, message, Optional.empty());
        }

        static LoginsStopped until(Reason reason, String message, Instant until) {
            return new LoginsStopped(reason, message + "; next attempt at " + until, Optional.of(until));
        }

        boolean activeAt(Instant now) {
            return until.map(now::isBefore).orElse(true);
        }

        Why.Refused refusal() {
            return new Why.Refused(reason, message, until);
        }
    }

    /**
     * When the next background step of a key may run: at {@code from} at the earliest, {@code until} at the latest.
     * {@code spread} lets the planner pick the least busy moment in between (keep-alive refreshes); otherwise it
     * runs at {@code from}.
     */
    record Work(Instant from, Instant until, boolean spread) {

        static Work at(Instant when) {
            return new Work(when, when, false);
        }
    }

    /**
     * Everything the core knows about one key, as an immutable snapshot; {@code bearer()} on a fresh session reads
     * {@link #hotBearer} and nothing else.
     *
     * @param session            the session held in memory, if any (possibly expired)
     * @param dead               whether its bearer is known refused (401 on refresh, or reported by an embedder)
     * @param hotBearer          the bearer to hand out without looking at the time, or {@code null}: set while the
     *                           session is fresh and at least one refresh interval from its hard deadline; the timer
     *                           clears it at {@link #handoverAt}
     * @param credentials        held in memory only, for re-login; never stored
     * @param stopped            why logins are stopped, if they are
     * @param failedLogins       consecutive retryable login failures, for the back-off (spec §3.4)
     * @param refreshPausedUntil after a failed refresh, stale reads start no new refresh before this
     * @param youngKills         when fresh sessions of this key were recently found killed (competing logins)
     * @param work               the next background step, if one is planned
     * @param refused            the last {@value #REFUSED_REMEMBERED} bearers known refused (401 on refresh, or
     *                           reported by an embedder), newest last: never taken up again from the store, even
     *                           after the key let go of them
     */
    record KeyState(Optional<Session> session, boolean dead, Secret hotBearer, Optional<Credentials> credentials,
            Optional<LoginsStopped> stopped, int failedLogins, Instant refreshPausedUntil, List<Instant> youngKills,
            Optional<Work> work, List<Secret> refused) {

        static final KeyState EMPTY = new KeyState(Optional.empty(), false, null, Optional.empty(), Optional.empty(),
                0, Instant.MIN, List.of(), Optional.empty(), List.of());

        KeyState {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(stopped, "stopped");
            Objects.requireNonNull(refreshPausedUntil, "refresh paused until");
            youngKills = List.copyOf(youngKills);
            Objects.requireNonNull(work, "work");
            refused = List.copyOf(refused);
        }

        /** The state a key is in at {@code now}. */
        Status status(Instant now, Rules rules) {
            if (stopped.isPresent() && stopped.get().activeAt(now)) {
                return stopped.get().until().isEmpty() ? Status.STOPPED : Status.WAITING;
            }
            if (session.isEmpty()) {
                return Status.NO_SESSION;
            }
            return switch (freshness(now, rules)) {
                case FRESH -> Status.FRESH;
                case STALE -> Status.STALE;
                case EXPIRED -> Status.EXPIRED;
            };
        }

        /** The freshness of the held session; {@link Freshness#EXPIRED} when there is none or it is dead. */
        Freshness freshness(Instant now, Rules rules) {
            if (session.isEmpty() || dead) {
                return Freshness.EXPIRED;
            }
            return session.get().freshnessAt(now, rules.refreshInterval(), rules.idleTimeout());
        }

        Optional<Session> usable(Instant now, Rules rules) {
            return freshness(now, rules) == Freshness.EXPIRED ? Optional.empty() : session;
        }

        KeyState with(Optional<Session> newSession, boolean newDead, Secret newHot) {
            return new KeyState(newSession, newDead, newHot, credentials, stopped, failedLogins, refreshPausedUntil,
                    youngKills, work, refused);
        }

        KeyState withCredentials(Optional<Credentials> newCredentials) {
            return new KeyState(session, dead, hotBearer, newCredentials, stopped, failedLogins, refreshPausedUntil,
                    youngKills, work, refused);
        }

        KeyState withStopped(Optional<LoginsStopped> newStopped, int newFailures) {
            return new KeyState(session, dead, hotBearer, credentials, newStopped, newFailures, refreshPausedUntil,
                    youngKills, work, refused);
        }

        KeyState withRefreshPausedUntil(Instant until) {
            return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, until, youngKills,
                    work, refused);
        }

        KeyState withYoungKills(List<Instant> kills) {
            return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, refreshPausedUntil,
                    kills, work, refused);
        }

        KeyState withWork(Optional<Work> newWork) {
            return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, refreshPausedUntil,
                    youngKills, newWork, refused);
        }

        KeyState withRefused(List<Secret> bearers) {
            return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, refreshPausedUntil,
                    youngKills, work, bearers);
        }

        /** This state remembering {@code bearer} as refused, with the few refused before it. */
        KeyState refusing(Secret bearer) {
            if (refused.contains(bearer)) {
                return this;
            }
            List<Secret> bearers = new ArrayList<>(refused);
            bearers.add(bearer);
            return withRefused(bearers.subList(Math.max(0, bearers.size() - REFUSED_REMEMBERED), bearers.size()));
        }
    }

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

    // ---------------------------------------------------------------------------------------------------- events

    /** What a flight is for. */
    enum Purpose {
        /** A caller needs a usable session (there was none, or it had expired). */
        GET_USABLE,
        /** A caller saw the session stale: refresh it unless someone already did. */
        REFRESH_IF_STALE,
        /** Keep-alive or an explicit refresh: confirm the session at the service now. */
        REFRESH_NOW,
        /** An explicit login with the credentials in {@link Flight#loginWith}, replacing any session. */
        LOGIN,
        /** An explicit logout: end the session upstream and in the store, forget the credentials. */
        LOGOUT
    }

    /** Something that happened to a key: a caller's request, a timer, or the answer to an effect of a flight. */
    sealed interface Event {

        /** {@code useCredentials} or {@code login}: hold these credentials; a fresh start for the key. */
        record CredentialsGiven(Credentials credentials) implements Event {
        }

        /** A caller of {@code bearer()} found no bearer to hand out without looking at the time. */
        record BearerAsked() implements Event {
        }

        /** A caller of {@code refresh()}. */
        record RefreshAsked() implements Event {
        }

        /** An embedder reported {@code bearer} refused (401) by another LivePerson API ({@code invalidate}). */
        record BearerRefused(Secret bearer) implements Event {
        }

        /**
         * The key's timer fired. {@code missed}: a keep-alive step that found another flight running and joined
         * it, which may not have done this step's work.
         */
        record TimerFired(boolean missed) implements Event {
        }

        /** A flight for {@code purpose} starts (on the network executor). */
        record FlightStarted() implements Event {
        }

        /** The store lease of the key is held (or could not be had and the flight goes on without it). */
        record LeaseTaken() implements Event {
        }

        record StoredLoaded(Optional<Session> stored) implements Event {
        }

        /**
         * The store could not be read: unreachable for now (e.g. Redis is down; {@code failure.retryable()}), or its
         * record of the key cannot be opened (e.g. a wrong store key) — never the same as nothing stored.
         */
        record StoreUnavailable(StoreException failure) implements Event {
        }

        record LoginAnswered(LoginOutcome outcome) implements Event {
        }

        record LoginFailed(InfrastructureException failure) implements Event {
        }

        record RefreshAnswered(RefreshOutcome outcome) implements Event {
        }

        record RefreshFailed(InfrastructureException failure) implements Event {
        }

        /**
         * A session was saved (or could not be, and is held unsaved); {@code held} is the one to hold.
         * {@code theirs}: the store held another process's newer session, which won over ours ({@code held}).
         */
        record Saved(Session held, boolean theirs) implements Event {
        }

        /** The logouts upstream are done; {@code failure} is the first that could not reach the service. */
        record LoggedOutUpstream(Optional<InfrastructureException> failure) implements Event {
        }
    }

    // --------------------------------------------------------------------------------------------------- effects

    /** Something the {@link EffectRunner} does. Effects that ask a port something answer with the next event. */
    sealed interface Effect {

        /** Hand the caller this bearer now. */
        record Serve(Secret bearer) implements Effect {
        }

        /** Fail the caller's call now, with this reason. */
        record Fail(Why why) implements Effect {
        }

        /** Start a flight for {@code purpose} in the background (or join the one in flight); do not wait. */
        record StartInBackground(Purpose purpose) implements Effect {
        }

        /** Start a flight for {@code purpose} (or join the one in flight) and wait for its result. */
        record AwaitFlight(Purpose purpose) implements Effect {
        }

        /** Take the store lease of the key (waiting while another holder has it); answers {@code LeaseTaken}. */
        record TakeLease() implements Effect {
        }

        /** Answers {@code StoredLoaded}. */
        record LoadStored() implements Effect {
        }

        /** Look up the login host and log in; answers {@code LoginAnswered} or {@code LoginFailed}. */
        record LogIn(Credentials credentials) implements Effect {
        }

        /** Answers {@code RefreshAnswered} or {@code RefreshFailed}. */
        record Refresh(Session session) implements Effect {
        }

        /** Compare-and-set save; answers {@code Saved}. */
        record Save(Session session) implements Effect {
        }

        record DeleteStored(Session session) implements Effect {
        }

        /** Answers {@code LoggedOutUpstream}. */
        record LogOut(List<Session> sessions) implements Effect {
        }

        /** Tell the domain lookup the hosts a login answer carried. */
        record Seed(LoggedIn answer) implements Effect {
        }

        record Announce(SessionEvent event) implements Effect {
        }

        /** Log a warning (never a secret). */
        record Warn(String message) implements Effect {
        }

        /** Replace the key's timer: fire within {@code when} (empty: no timer). */
        record Wake(Optional<Work> when) implements Effect {
        }

        /** The flight ends with {@code result}. */
        record Finish(FlightResult result) implements Effect {
        }
    }

    /** Why a caller gets no session, or why a refresh did not happen. */
    sealed interface Why {

        /** The core refuses for a reason of its own (not logged in, rejected, blocked, rate-limited, backing off). */
        record Refused(Reason reason, String message, Optional<Instant> nextAttempt) implements Why {
        }

        /** A port failed; {@code nextAttempt} when the core tries again by itself, if it will. */
        record Outage(InfrastructureException failure, Optional<Instant> nextAttempt) implements Why {
        }
    }

    /** What a flight came to. */
    sealed interface FlightResult {

        /** A session callers may use. */
        record Usable(Session session) implements FlightResult {
        }

        /** A refresh failed while the session stays valid: {@code bearer()} uses it, {@code refresh()} reports why. */
        record NotRefreshed(Session session, Why why) implements FlightResult {
        }

        /** No usable session. */
        record Unavailable(Why why) implements FlightResult {
        }

        /** The answer to an explicit login. */
        record LoginAnswer(LoginOutcome outcome) implements FlightResult {
        }

        /** A logout: whether there was a session, and the first logout that could not reach the service. */
        record LoggedOut(boolean hadSession, Optional<InfrastructureException> failure) implements FlightResult {
        }
    }

    /**
     * The progress of one flight, carried from one of its events to the next.
     *
     * @param purpose       what it is for
     * @param loginWith     the credentials of an explicit login
     * @param storedVersion the store version a login's session is saved over
     * @param relogin       whether a login replaces a session the key had
     * @param refreshing    whether the session being saved comes from a refresh (else from a login)
     * @param targets       the sessions a logout ends
     * @param answer        a login's answer, returned to an explicit login once saved
     * @param storeFailure  why the store could not be read in this flight, if it could not: then the flight must not
     *                      log in (it cannot know whether another process holds a live session)
     */
    record Flight(Purpose purpose, Optional<Credentials> loginWith, long storedVersion, boolean relogin,
            boolean refreshing, List<Session> targets, Optional<LoginOutcome> answer,
            Optional<StoreException> storeFailure) {

        /** No flight: for events from callers and timers. */
        static final Flight NONE = of(Purpose.GET_USABLE);

        Flight {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(loginWith, "login with");
            targets = List.copyOf(targets);
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(storeFailure, "store failure");
        }

        static Flight of(Purpose purpose) {
            return new Flight(purpose, Optional.empty(), 0, false, false, List.of(), Optional.empty(),
                    Optional.empty());
        }

        static Flight login(Credentials credentials) {
            return new Flight(Purpose.LOGIN, Optional.of(credentials), 0, false, false, List.of(), Optional.empty(),
                    Optional.empty());
        }

        Flight loggingIn(long version, boolean isRelogin) {
            return new Flight(purpose, loginWith, version, isRelogin, false, targets, answer, storeFailure);
        }

        Flight refreshingNow() {
            return new Flight(purpose, loginWith, storedVersion, relogin, true, targets, answer, storeFailure);
        }

        Flight withTargets(List<Session> sessions) {
            return new Flight(purpose, loginWith, storedVersion, relogin, refreshing, sessions, answer, storeFailure);
        }

        Flight withAnswer(LoginOutcome outcome) {
            return new Flight(purpose, loginWith, storedVersion, relogin, refreshing, targets, Optional.of(outcome),
                    storeFailure);
        }

        Flight withStoreFailure(StoreException failure) {
            return new Flight(purpose, loginWith, storedVersion, relogin, refreshing, targets, answer,
                    Optional.of(failure));
        }
    }

    /** The result of one transition: the new state, the flight's progress and the effects to run, in order. */
    record Step(KeyState state, Flight flight, List<Effect> effects) {

        Step {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(flight, "flight");
            effects = List.copyOf(effects);
        }
    }

    // ----------------------------------------------------------------------------------------------- transitions

    /**
     * The transition function.
     *
     * @param key    the key (for the events announced)
     * @param state  what the core knows about the key
     * @param flight the progress of the flight this event belongs to ({@link Flight#NONE} outside flights)
     * @param event  what happened
     * @param now    the time it happened
     * @param luck   a uniformly random number in [0, 1) for the jitter of retries (tests pass a fixed one)
     */
    Step next(SessionKey key, KeyState state, Flight flight, Event event, Instant now, double luck) {
        return new Transition(key, state, flight, now, luck).on(event);
    }

    /** One transition being computed: collects the effects and the new state. */
    private final class Transition {

        private final SessionKey key;
        private final Instant now;
        private final double luck;
        private final List<Effect> effects = new ArrayList<>();
        private KeyState state;
        private Flight flight;

        Transition(SessionKey key, KeyState state, Flight flight, Instant now, double luck) {
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
                case FRESH -> effects.add(new Effect.Serve(state.session().orElseThrow().bearer()));
                case STALE -> {
                    effects.add(new Effect.Serve(state.session().orElseThrow().bearer()));
                    // the one refresh runs (or already runs) in the background, unless a failed one paused them
                    if (!now.isBefore(state.refreshPausedUntil())) {
                        effects.add(new Effect.StartInBackground(Purpose.REFRESH_IF_STALE));
                    }
                }
                case STOPPED, WAITING -> {
                    Optional<Session> usable = state.usable(now, rules);
                    effects.add(usable.<Effect>map(s -> new Effect.Serve(s.bearer()))
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
            if (failure instanceof StoreException) {
                nextAttempt = Optional.empty();
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
