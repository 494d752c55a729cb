package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.Scheduler;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The session lifecycle: the one implementation of {@link LoginUseCase}. Tracks a {@link TrackedKey} per key, hands
 * out a fresh bearer from its snapshot with one volatile read, and turns every other call into an event for the
 * {@link SessionStateMachine}, whose effects the {@link EffectRunner} runs.
 */
final class SessionLifecycle implements LoginUseCase {

    private static final System.Logger LOG = System.getLogger(SessionLifecycle.class.getName());
    /** A caller's call re-decides at most this often when the flight it joined was for something else. */
    private static final int ATTEMPTS = 4;

    private final LoginSettings settings;
    private final Rules rules;
    private final DomainLookup domainLookup;
    private final StoredSessions stored;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final Optional<ExecutorService> ownedExecutor;
    private final EffectRunner runner;
    private final Events events;
    private final Map<SessionKey, TrackedKey> keys = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SessionLifecycle(DomainLookup domainLookup, AuthGateway gateway, TokenStore tokenStore, SessionListener listener,
            LoginSettings settings) {
        this.settings = settings;
        this.rules = Rules.from(settings);
        this.domainLookup = domainLookup;
        this.scheduler = settings.scheduler().orElseGet(ThreadScheduler::new);
        this.ownsScheduler = settings.scheduler().isEmpty();
        this.ownedExecutor = settings.executor().isPresent() ? Optional.empty()
                : Optional.of(Executors.newVirtualThreadPerTaskExecutor());
        Executor executor = settings.executor().orElseGet(ownedExecutor::orElseThrow);
        this.events = new Events(listener);
        this.stored = new StoredSessions(tokenStore, settings, scheduler, executor);
        this.runner = new EffectRunner(new SessionStateMachine(rules), domainLookup, gateway, stored, events,
                scheduler, executor,
                new BackgroundWork(executor, settings.backgroundConcurrency()),
                new RefreshPlanner(settings.refreshInterval()), settings.clock(), () -> closed);
        if (ownsScheduler) {
            // the own scheduler waits on the monotonic clock, which stands still while the machine sleeps
            watchClock(new ClockWatch(settings.clock(), System::nanoTime, this::retimeAllKeys));
        }
    }

    private void watchClock(ClockWatch watch) {
        if (closed) {
            return;
        }
        try {
            scheduler.schedule(Duration.ofSeconds(1), () -> {
                watch.check();
                watchClock(watch);
            });
        } catch (RejectedExecutionException e) {
            // closing: the scheduler is shut down
        }
    }

    /** After the wall clock jumped ahead: every key's timer event now, so that each key catches up at once. */
    void retimeAllKeys() {
        if (!closed) {
            keys.values().forEach(tracked -> runner.apply(tracked, new Event.TimerFired(false)));
        }
    }

    /**
     * The hot path: a fresh bearer is one map read and one volatile read of an immutable snapshot — no lock, no
     * allocation, no clock. The scheduler clears {@code hotBearer} when the session stops being fresh (see
     * {@link SessionStateMachine#handoverAt}); from then on {@link #bearerSlowly} looks at the time on every call.
     */
    @Override
    public Secret bearer(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        TrackedKey tracked = keys.get(key);
        if (tracked != null) {
            Secret hot = tracked.state().hotBearer();
            if (hot != null) {
                return hot;
            }
        }
        return bearerSlowly(key);
    }

    private Secret bearerSlowly(SessionKey key) {
        TrackedKey tracked = track(key);
        return switch (ask(tracked, new Event.BearerAsked())) {
            case FlightResult.Usable usable -> usable.session().bearer();
            case FlightResult.NotRefreshed kept -> kept.session().bearer(); // still valid: refreshed later
            case FlightResult.Unavailable none -> throw failure(key, none.why());
            case FlightResult other -> throw new IllegalStateException("a caller of bearer() got " + other);
        };
    }

    /**
     * The one wait loop of a caller: applies its event, waits for the flight it asks for (joining the one in flight),
     * and decides again when that flight was someone else's explicit login or logout, which answers another
     * question — at most {@value #ATTEMPTS} times. Only {@code bearer()} callers are timed (the metrics' wait).
     */
    private FlightResult ask(TrackedKey tracked, Event event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            for (Effect effect : runner.apply(tracked, event)) {
                FlightResult result = switch (effect) {
                    case Effect.Serve serve -> new FlightResult.Usable(serve.session());
                    case Effect.Fail fail -> new FlightResult.Unavailable(fail.why());
                    case Effect.AwaitFlight await -> event instanceof Event.BearerAsked
                            ? timedAwait(tracked, await.purpose()) : await(tracked.key, runner.flight(tracked,
                                    await.purpose()));
                    default -> throw new IllegalStateException("unexpected effect for a caller: " + effect);
                };
                if (!(result instanceof FlightResult.LoginAnswer || result instanceof FlightResult.LoggedOut)) {
                    return result;
                }
            }
        }
        return new FlightResult.Unavailable(new Why.Refused(Reason.UNAVAILABLE, "the session kept changing while we "
                + "waited for it (logins and logouts of the same key at once); try again", Optional.empty()));
    }

    /** Waits for a flight on behalf of a caller of {@code bearer()}, and tells the listeners how long. */
    private FlightResult timedAwait(TrackedKey tracked, Purpose purpose) {
        long waitStart = System.nanoTime();
        try {
            return await(tracked.key, runner.flight(tracked, purpose));
        } finally {
            // slow path only: how long callers wait for a bearer (metrics), one event per caller
            events.emit(new SessionEvent.Waited(tracked.key, settings.clock().instant(),
                    Duration.ofNanos(System.nanoTime() - waitStart)));
        }
    }

    @Override
    public LoginOutcome login(AccountId account, Credentials credentials) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(credentials, "credentials");
        requireOpen();
        SessionKey key = new SessionKey(account, credentials.username());
        TrackedKey tracked = track(key);
        runner.apply(tracked, new Event.CredentialsGiven(credentials));
        return switch (await(key, runner.flightAfterCurrent(tracked, FlightProgress.login(credentials)))) {
            case FlightResult.LoginAnswer answer -> answer.outcome();
            case FlightResult.Unavailable none -> throw failure(key, none.why(), true);
            case FlightResult other -> throw new IllegalStateException("a login flight ended with " + other);
        };
    }

    @Override
    public void useCredentials(AccountId account, Credentials credentials) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(credentials, "credentials");
        requireOpen();
        runner.apply(track(new SessionKey(account, credentials.username())), new Event.CredentialsGiven(credentials));
    }

    @Override
    public SessionInfo refresh(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        TrackedKey tracked = track(key);
        return switch (ask(tracked, new Event.RefreshAsked())) {
            case FlightResult.Usable usable -> info(usable.session(), tracked.state());
            case FlightResult.NotRefreshed kept -> throw failure(key, kept.why(), true);
            case FlightResult.Unavailable none -> throw failure(key, none.why());
            case FlightResult other -> throw new IllegalStateException("a caller of refresh() got " + other);
        };
    }

    @Override
    public void invalidate(SessionKey key, Secret rejectedBearer) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rejectedBearer, "rejected bearer");
        requireOpen();
        TrackedKey tracked = keys.get(key);
        if (tracked != null) {
            runner.apply(tracked, new Event.BearerRefused(rejectedBearer));
        }
    }

    @Override
    public boolean logout(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        return logout(track(key));
    }

    @Override
    public ServiceHost serviceHost(AccountId account, ServiceName service) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(service, "service");
        requireOpen();
        return domainLookup.lookup(account, service);
    }

    @Override
    public Map<ServiceName, ServiceHost> serviceHosts(AccountId account) {
        Objects.requireNonNull(account, "account");
        requireOpen();
        return Map.copyOf(domainLookup.lookupAll(account));
    }

    @Override
    public int logoutAll() {
        requireOpen();
        Set<SessionKey> all = new LinkedHashSet<>();
        keys.forEach((key, tracked) -> tracked.state().session().ifPresent(s -> all.add(key)));
        stored.list().forEach(session -> all.add(session.key()));
        int count = 0;
        for (SessionKey key : all) {
            count += logout(track(key)) ? 1 : 0;
        }
        return count;
    }

    @Override
    public List<SessionInfo> sessions() {
        requireOpen();
        Map<SessionKey, SessionInfo> all = new LinkedHashMap<>();
        keys.forEach((key, tracked) -> {
            KeyState state = tracked.state();
            state.session().ifPresent(session -> all.put(key, info(session, state)));
        });
        for (Session session : stored.list()) {
            all.putIfAbsent(session.key(), info(session, KeyState.EMPTY));
        }
        return List.copyOf(all.values());
    }

    @Override
    public Optional<SessionInfo> session(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        TrackedKey tracked = keys.get(key);
        if (tracked != null && tracked.state().session().isPresent()) {
            return Optional.of(info(tracked.state().session().get(), tracked.state()));
        }
        return stored.load(key).map(session -> info(session, KeyState.EMPTY));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        keys.values().forEach(TrackedKey::cancelTimer);
        if (settings.logoutOnClose()) {
            logoutEverySession();
        }
        keys.values().forEach(TrackedKey::cancelTimer); // a flight that ended meanwhile may have set another
        if (ownsScheduler) {
            scheduler.shutdown();
        }
        ownedExecutor.ifPresent(ExecutorService::shutdownNow);
    }

    private void logoutEverySession() {
        List<CompletableFuture<FlightResult>> logouts = new ArrayList<>();
        for (TrackedKey tracked : keys.values()) {
            if (tracked.state().session().isPresent()) {
                logouts.add(runner.flightAfterCurrent(tracked, FlightProgress.of(Purpose.LOGOUT)));
            }
        }
        try {
            CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new))
                    .get(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
            for (CompletableFuture<FlightResult> logout : logouts) {
                if (logout.getNow(null) instanceof FlightResult.LoggedOut(var had, var failure)
                        && failure.isPresent()) {
                    LOG.log(Level.WARNING, "a logout on close failed: " + failure.get().getMessage());
                }
            }
        } catch (TimeoutException e) {
            long pending = logouts.stream().filter(f -> !f.isDone()).count();
            LOG.log(Level.WARNING, pending + " of " + logouts.size() + " sessions were not logged out within "
                    + settings.closeTimeout() + "; they expire by themselves on the service");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "a logout on close failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean logout(TrackedKey tracked) {
        FlightResult result = await(tracked.key, runner.flightAfterCurrent(tracked, FlightProgress.of(Purpose.LOGOUT)));
        if (result instanceof FlightResult.LoggedOut(boolean hadSession, Optional<InfrastructureException> failure)) {
            if (failure.isPresent()) {
                throw failure.get(); // the session is forgotten anyway
            }
            return hadSession;
        }
        throw new IllegalStateException("a logout flight ended with " + result);
    }

    private FlightResult await(SessionKey key, CompletableFuture<FlightResult> flight) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionUnavailableException(key, Reason.UNAVAILABLE,
                    key + ": interrupted while waiting for a login or refresh", null, e);
        } catch (ExecutionException e) {
            // flights return their outcomes; only a defect (or a closed core) gets here
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(key + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Why no session is available, as this caller's own exception: see {@link #failure(SessionKey, Why, boolean)}. */
    private static RuntimeException failure(SessionKey key, Why why) {
        return failure(key, why, false);
    }

    /**
     * The one mapping from why a call got no session to what the caller gets thrown. A refusal of the core's own is a
     * {@link SessionUnavailableException} with its reason. A port's failure is thrown as itself
     * ({@link InfrastructureException}) when it is not about this session's state: a store failure (the store is
     * unreachable or a record cannot be opened: the caller — e.g. the CLI's exit code — must tell the store from the
     * service), any failure a person must fix (not retryable), and — {@code asItself} — an outage of the very call
     * the caller asked for (an explicit login, a refresh that did not happen). Otherwise the service's outage is a
     * {@link SessionUnavailableException} with the core's next attempt.
     */
    private static RuntimeException failure(SessionKey key, Why why, boolean asItself) {
        return switch (why) {
            case Why.Refused refused -> new SessionUnavailableException(key, refused.reason(),
                    key + ": " + refused.message(), refused.nextAttempt().orElse(null), null);
            case Why.Outage outage when !asItself && outage.failure().retryable()
                    && !(outage.failure() instanceof StoreException) ->
                    new SessionUnavailableException(key, Reason.UNAVAILABLE, key + ": could not log in, "
                            + outage.failure().getMessage()
                            + outage.nextAttempt().map(t -> "; next attempt at " + t).orElse("; try again shortly"),
                            outage.nextAttempt().orElse(null), outage.failure());
            case Why.Outage outage -> outage.failure();
        };
    }

    private SessionInfo info(Session session, KeyState state) {
        return SessionInfo.of(session, state.session().isPresent() ? state.freshness(settings.clock().instant(), rules)
                : session.freshnessAt(settings.clock().instant(), rules.refreshInterval(), rules.idleTimeout()));
    }

    private TrackedKey track(SessionKey key) {
        TrackedKey tracked = keys.get(key); // a plain lock-free read first: computeIfAbsent may lock a bin
        return tracked != null ? tracked : keys.computeIfAbsent(key, TrackedKey::new);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this login core is closed; create a new one with LoginCore.create");
        }
    }
}
