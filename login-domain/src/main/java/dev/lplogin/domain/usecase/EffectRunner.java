package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Scheduler;
import dev.lplogin.domain.port.StoreException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Runs what the {@link SessionStateMachine} decides: feeds it events, carries out its effects — calls to the ports,
 * the key's timer, store reads and writes, listener events, starting or joining flights — and feeds each answer
 * back. It decides nothing itself: every "if" about a session is in the state machine.
 *
 * <p>Flights run on the network executor, background ones (keep-alive, retries, the refresh a stale read starts)
 * through {@link BackgroundWork}'s concurrency limit; timers run on the one {@link Scheduler} and only apply an
 * event, so one scheduler thread carries every session.
 */
final class EffectRunner {

    private static final System.Logger LOG = System.getLogger(EffectRunner.class.getName());

    private final SessionStateMachine machine;
    private final DomainLookup domainLookup;
    private final AuthGateway gateway;
    private final StoredSessions store;
    private final Events events;
    private final Scheduler scheduler;
    private final Executor executor;
    private final BackgroundWork background;
    private final RefreshPlanner planner;
    private final Clock clock;
    private final BooleanSupplier closed;

    EffectRunner(SessionStateMachine machine, DomainLookup domainLookup, AuthGateway gateway, StoredSessions store,
            Events events, Scheduler scheduler, Executor executor, BackgroundWork background, RefreshPlanner planner,
            Clock clock, BooleanSupplier closed) {
        this.machine = machine;
        this.domainLookup = domainLookup;
        this.gateway = gateway;
        this.store = store;
        this.events = events;
        this.scheduler = scheduler;
        this.executor = executor;
        this.background = background;
        this.planner = planner;
        this.clock = clock;
        this.closed = closed;
    }

    /**
     * Applies a caller's event outside any flight, runs its effects that need no caller, and returns the ones that
     * do ({@code Serve}, {@code Fail}, {@code AwaitFlight}) for the caller to act on.
     */
    List<Effect> apply(TrackedKey key, Event event) {
        return runOutsideFlight(key, step(key, FlightProgress.NONE, event), false);
    }

    /** Starts a flight for {@code purpose} on the network executor, or joins the one in flight. */
    CompletableFuture<FlightResult> flight(TrackedKey key, Purpose purpose) {
        CompletableFuture<FlightResult> flight = key.flight.join(executor, () -> runFlight(key, FlightProgress.of(purpose)));
        background.expedite(key.key); // joined a background step still waiting in line? the caller needs it now
        return flight;
    }

    /**
     * Starts {@code flight} once the one in flight (if any) has finished: an explicit login or logout must not be
     * answered by an older flight, and a login finishing later must not bring back a session logged out.
     */
    CompletableFuture<FlightResult> flightAfterCurrent(TrackedKey key, FlightProgress flight) {
        return key.flight.runAfterCurrent(executor, () -> runFlight(key, flight));
    }

    /**
     * The body of a flight: events and effects in turn until the state machine finishes it. The store lease, once
     * taken, is a local of the flight, released when it ends.
     */
    private FlightResult runFlight(TrackedKey key, FlightProgress start) {
        try (StoredSessions.FlightLease lease = store.leaseFor(key.key)) {
            FlightProgress flight = start;
            Event event = new Event.FlightStarted();
            while (true) {
                Step step = step(key, flight, event);
                flight = step.flight();
                Event next = null;
                for (Effect effect : step.effects()) {
                    switch (effect) {
                        case Effect.Finish finish -> {
                            return finish.result();
                        }
                        case Effect.TakeLease take -> {
                            lease.take();
                            next = new Event.LeaseTaken();
                        }
                        case Effect.LoadStored load -> next = loadStored(key.key);
                        case Effect.LogIn login -> next = logIn(key.key, login.credentials());
                        case Effect.Refresh refresh -> next = refresh(refresh.session());
                        case Effect.Save save -> next = store.save(save.session(), lease);
                        case Effect.DeleteStored delete -> store.delete(delete.session());
                        case Effect.LogOut logout -> next = logOut(logout.sessions());
                        case Effect.Seed seed -> seed(key.key, seed.answer());
                        default -> runCommon(key, effect, false);
                    }
                }
                if (next == null) {
                    throw new IllegalStateException("a flight step of " + key.key + " ended with neither a result "
                            + "nor a question to a port: " + step.effects());
                }
                event = next;
            }
        }
    }

    private List<Effect> runOutsideFlight(TrackedKey key, Step step, boolean fromTimer) {
        List<Effect> forCaller = new ArrayList<>(1);
        for (Effect effect : step.effects()) {
            switch (effect) {
                case Effect.Serve serve -> forCaller.add(serve);
                case Effect.Fail fail -> forCaller.add(fail);
                case Effect.AwaitFlight await -> forCaller.add(await);
                default -> runCommon(key, effect, fromTimer);
            }
        }
        return forCaller;
    }

    private void runCommon(TrackedKey key, Effect effect, boolean fromTimer) {
        switch (effect) {
            case Effect.Announce announce -> events.emit(announce.event());
            case Effect.Warn warn -> LOG.log(Level.WARNING, warn.message());
            case Effect.Wake wake -> { } // done by TrackedKey.apply, atomically with the state change
            case Effect.StartInBackground start -> startInBackground(key, start.purpose(), fromTimer);
            default -> throw new IllegalStateException("effect out of place for " + key.key + ": " + effect);
        }
    }

    private void startInBackground(TrackedKey key, Purpose purpose, boolean fromTimer) {
        if (closed.getAsBoolean()) {
            return;
        }
        long generation = key.timerGeneration();
        SingleFlight.Joined<FlightResult> flight =
                key.flight.joinOrStart(background.forKey(key.key), () -> runFlight(key, FlightProgress.of(purpose)));
        flight.future().whenComplete((result, failure) -> {
            if (failure != null) {
                // not an error of any caller; the listener heard about what the flight got to
                LOG.log(Level.DEBUG, "a background step for " + key.key + " failed: " + failure.getMessage());
            } else if (fromTimer && !flight.started() && key.isCurrentTimer(generation)) {
                // Joined someone else's flight, which may not have done this step's work (e.g. a pickup of a
                // stored session already due planned this very step): tell the state machine, which decides.
                runOutsideFlight(key, step(key, FlightProgress.NONE, new Event.TimerFired(true)), true);
            }
        });
    }

    private void wake(TrackedKey key, Optional<Work> when) {
        if (when.isEmpty() || closed.getAsBoolean()) {
            key.cancelTimer();
            return;
        }
        Work work = when.get();
        Instant at = work.spread() ? planner.place(work.from(), work.until(), luck()) : work.from();
        Duration delay = Duration.between(clock.instant(), at);
        key.replaceTimer(generation -> scheduler.schedule(delay, () -> timerFired(key, generation)));
    }

    /** On the scheduler thread: applies the timer's event and returns at once (flights run elsewhere). */
    private void timerFired(TrackedKey key, long generation) {
        if (closed.getAsBoolean() || !key.isCurrentTimer(generation)) {
            return;
        }
        runOutsideFlight(key, step(key, FlightProgress.NONE, new Event.TimerFired(false)), true);
    }

    private Step step(TrackedKey key, FlightProgress flight, Event event) {
        return key.apply(machine, flight, event, clock.instant(), luck(), wake -> wake(key, wake.when()));
    }

    private Event logIn(SessionKey key, Credentials credentials) {
        try {
            var host = domainLookup.lookup(key.account(), ServiceName.LOGIN);
            return new Event.LoginAnswered(gateway.login(key.account(), host, credentials));
        } catch (InfrastructureException e) {
            return new Event.LoginFailed(e);
        }
    }

    private Event loadStored(SessionKey key) {
        try {
            return new Event.StoredLoaded(store.load(key));
        } catch (StoreException e) {
            return new Event.StoreUnavailable(e);
        }
    }

    private Event refresh(Session session) {
        try {
            return new Event.RefreshAnswered(gateway.refresh(session));
        } catch (InfrastructureException e) {
            return new Event.RefreshFailed(e);
        }
    }

    private Event logOut(List<Session> sessions) {
        InfrastructureException failure = null;
        for (Session session : sessions) {
            try {
                gateway.logout(session);
            } catch (InfrastructureException e) {
                failure = failure == null ? e : failure;
            }
        }
        return new Event.LoggedOutUpstream(Optional.ofNullable(failure));
    }

    private void seed(SessionKey key, dev.lplogin.domain.port.LoggedIn answer) {
        try {
            domainLookup.seed(key.account(), answer.services());
        } catch (RuntimeException e) {
            // seeding only saves a later lookup; a failure must not undo a successful login
            LOG.log(Level.DEBUG, "could not seed the domain lookup for " + key.account(), e);
        }
    }

    private static double luck() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
