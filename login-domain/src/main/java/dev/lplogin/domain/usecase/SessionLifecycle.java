package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Freshness;
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
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.usecase.Renewal.Intent;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.lang.System.Logger.Level;
import java.time.Instant;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session lifecycle: the one implementation of {@link LoginUseCase}. Holds a {@link KeySlot} per key, answers
 * {@link #bearer} for a fresh session from an immutable snapshot without a lock, and funnels all upstream work for a
 * key through that key's single flight, run by {@link Renewal} on the network executor.
 */
final class SessionLifecycle implements LoginUseCase {

    private static final System.Logger LOG = System.getLogger(SessionLifecycle.class.getName());

    private final LoginSettings settings;
    private final DomainLookup domainLookup;
    private final TokenStore tokenStore;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final Executor executor;
    private final Optional<ExecutorService> ownedExecutor;
    private final KeepAlive keepAlive;
    private final Renewal renewal;
    private final Map<SessionKey, KeySlot> slots = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    SessionLifecycle(DomainLookup domainLookup, AuthGateway gateway, TokenStore tokenStore, SessionListener listener,
            LoginSettings settings) {
        this.settings = settings;
        this.domainLookup = domainLookup;
        this.tokenStore = tokenStore;
        this.scheduler = settings.scheduler().orElseGet(ThreadScheduler::new);
        this.ownsScheduler = settings.scheduler().isEmpty();
        this.ownedExecutor = settings.executor().isPresent() ? Optional.empty()
                : Optional.of(Executors.newVirtualThreadPerTaskExecutor());
        this.executor = settings.executor().orElseGet(ownedExecutor::orElseThrow);
        this.keepAlive = new KeepAlive(settings, scheduler, this::keepAliveDue, closed::get);
        this.renewal = new Renewal(domainLookup, gateway, new StoredSessions(tokenStore, settings, scheduler, executor),
                new Events(listener), keepAlive, settings);
    }

    @Override
    public LoginOutcome login(AccountId account, Credentials credentials) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(credentials, "credentials");
        requireOpen();
        KeySlot slot = slotFor(new SessionKey(account, credentials.username()));
        slot.update(state -> state.withCredentials(credentials));
        AtomicReference<LoginOutcome> outcome = new AtomicReference<>();
        CompletableFuture<Settled> flight = slot.flight.runAfterCurrent(executor, () -> {
            LoginOutcome result = renewal.loginNow(slot, credentials);
            outcome.set(result);
            return renewal.settledOrThrow(slot, result);
        });
        try {
            flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionUnavailableException(slot.key, Reason.UNAVAILABLE,
                    slot.key + ": interrupted while waiting for the login", null, e);
        } catch (ExecutionException e) {
            // rejected, blocked or rate-limited come back as the outcome value; outages as the port's exception
            if (outcome.get() == null) {
                throw e.getCause() instanceof InfrastructureException infrastructure ? infrastructure
                        : rethrow(slot.key, e.getCause());
            }
        }
        return outcome.get();
    }

    @Override
    public void useCredentials(AccountId account, Credentials credentials) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(credentials, "credentials");
        requireOpen();
        slotFor(new SessionKey(account, credentials.username())).update(state -> state.withCredentials(credentials));
    }

    @Override
    public Secret bearer(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        KeySlot slot = slotFor(key);
        KeyState state = slot.state();
        Instant now = settings.clock().instant();
        switch (state.freshness(now, settings)) {
            case FRESH -> {
                return state.session().orElseThrow().bearer();
            }
            case STALE -> {
                // hand out the still-valid bearer now; the one refresh runs (or already runs) in the background
                if (slot.mayRefreshAt(now)) {
                    slot.flight.join(executor, () -> renewal.settle(slot, Intent.REFRESH_IF_DUE));
                }
                return state.session().orElseThrow().bearer();
            }
            default -> {
                throwIfHalted(slot);
                return await(key, slot.flight.join(executor, () -> renewal.settle(slot, Intent.ACQUIRE)))
                        .session().bearer();
            }
        }
    }

    @Override
    public SessionInfo refresh(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        KeySlot slot = slotFor(key);
        if (slot.state().freshness(settings.clock().instant(), settings) == Freshness.EXPIRED) {
            throwIfHalted(slot);
        }
        Settled settled = await(key, slot.flight.join(executor, () -> renewal.settle(slot, Intent.REFRESH_NOW)));
        if (settled.refreshFailure().isPresent()) {
            throw settled.refreshFailure().get();
        }
        return info(settled.session(), slot.state());
    }

    @Override
    public void invalidate(SessionKey key, Secret rejectedBearer) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rejectedBearer, "rejected bearer");
        requireOpen();
        KeySlot slot = slots.get(key);
        if (slot != null) {
            // only the current bearer counts: many callers reporting the same old 401 cause one re-login
            slot.update(state -> state.session().filter(s -> s.bearer().equals(rejectedBearer)).isPresent()
                    ? state.markInvalidated() : state);
        }
    }

    @Override
    public boolean logout(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        return logout(slotFor(key));
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
        Set<SessionKey> keys = new LinkedHashSet<>();
        slots.forEach((key, slot) -> slot.state().session().ifPresent(s -> keys.add(key)));
        tokenStore.list().forEach(stored -> keys.add(stored.key()));
        int count = 0;
        for (SessionKey key : keys) {
            count += logout(slotFor(key)) ? 1 : 0;
        }
        return count;
    }

    @Override
    public List<SessionInfo> sessions() {
        requireOpen();
        Map<SessionKey, SessionInfo> all = new LinkedHashMap<>();
        slots.forEach((key, slot) -> {
            KeyState state = slot.state();
            state.session().ifPresent(session -> all.put(key, info(session, state)));
        });
        for (Session stored : tokenStore.list()) {
            all.putIfAbsent(stored.key(), info(stored, KeyState.EMPTY.withSession(stored)));
        }
        return List.copyOf(all.values());
    }

    @Override
    public Optional<SessionInfo> session(SessionKey key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        KeySlot slot = slots.get(key);
        if (slot != null && slot.state().session().isPresent()) {
            return Optional.of(info(slot.state().session().get(), slot.state()));
        }
        return tokenStore.load(key).map(stored -> info(stored, KeyState.EMPTY.withSession(stored)));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        slots.values().forEach(KeySlot::cancelTimer);
        if (settings.logoutOnClose()) {
            logoutEverySession();
        }
        slots.values().forEach(KeySlot::cancelTimer); // a flight that ended meanwhile may have planned another
        if (ownsScheduler) {
            scheduler.shutdown();
        }
        ownedExecutor.ifPresent(ExecutorService::shutdownNow);
    }

    private void logoutEverySession() {
        List<CompletableFuture<Boolean>> logouts = new ArrayList<>();
        for (KeySlot slot : slots.values()) {
            if (slot.state().session().isPresent()) {
                logouts.add(logoutFlight(slot));
            }
        }
        try {
            CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new))
                    .get(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            long pending = logouts.stream().filter(f -> !f.isDone()).count();
            LOG.log(Level.WARNING, "lp-login: " + pending + " of " + logouts.size() + " sessions were not logged out "
                    + "within " + settings.closeTimeout() + "; they expire by themselves on the service");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "lp-login: a logout on close failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean logout(KeySlot slot) {
        CompletableFuture<Boolean> flight = logoutFlight(slot);
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(slot.key + ": interrupted while logging out", e);
        } catch (ExecutionException e) {
            throw rethrow(slot.key, e.getCause());
        }
    }

    /**
     * Runs the logout in the key's flight, after whatever is in flight, so that a login finishing later cannot bring
     * the session back. Callers who join that flight for a bearer learn there is no session any more.
     */
    private CompletableFuture<Boolean> logoutFlight(KeySlot slot) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        slot.flight.runAfterCurrent(executor, () -> {
            KeyState before = slot.state();
            try {
                result.complete(renewal.logout(slot));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            throw Renewal.notLoggedIn(slot.key, before.withoutSession());
        }).exceptionally(failure -> null);
        return result;
    }

    /** Keep-alive timer of plan {@code plan} fired (on the scheduler thread): start the flight and return at once. */
    private void keepAliveDue(KeySlot slot, long plan) {
        if (closed.get()) {
            return;
        }
        SingleFlight.Flight<Settled> flight =
                slot.flight.joinOrStart(executor, () -> renewal.settle(slot, Intent.REFRESH_NOW));
        flight.future().whenComplete((ok, failure) -> {
            if (!flight.started()) {
                // Joined someone else's flight, which may not have done this tick's work: e.g. a pickup of a stored
                // session already due planned this very tick, which then fired into it. If nothing was planned
                // since, the tick would be lost, and with it the key's keep-alive: run it again now.
                if (slot.isLatestPlan(plan)) {
                    keepAliveDue(slot, plan);
                }
            } else if (failure != null) {
                // the listener already heard about it; a failing background step is not an error of any caller
                LOG.log(Level.DEBUG, "lp-login: background step for " + slot.key + " failed: " + failure.getMessage());
            }
        });
    }

    private void throwIfHalted(KeySlot slot) {
        Optional<Halt> halt = slot.state().halt();
        if (halt.isPresent() && halt.get().blocks(settings.clock().instant())) {
            throw halt.get().toException(slot.key, null);
        }
    }

    private Settled await(SessionKey key, CompletableFuture<Settled> flight) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionUnavailableException(key, Reason.UNAVAILABLE,
                    key + ": interrupted while waiting for a login", null, e);
        } catch (ExecutionException e) {
            throw rethrow(key, e.getCause());
        }
    }

    /**
     * The flight's failure as this caller's exception. Every waiting caller gets its own instance (one shared
     * exception thrown on many threads would collect their suppressed exceptions); infrastructure failures that
     * are worth retrying become "unavailable, next attempt at …".
     */
    private RuntimeException rethrow(SessionKey key, Throwable failure) {
        return switch (failure) {
            case SessionUnavailableException e ->
                    new SessionUnavailableException(key, e.reason(), e.getMessage(), e.nextAttemptAt().orElse(null), e);
            case InfrastructureException e when e.retryable() && !(e instanceof StoreException) -> {
                Optional<Instant> next = Optional.ofNullable(slots.get(key)).flatMap(s -> s.state().halt())
                        .flatMap(Halt::until);
                yield new SessionUnavailableException(key, Reason.UNAVAILABLE, key + ": could not log in, "
                        + e.getMessage() + next.map(t -> "; next attempt at " + t).orElse("; try again shortly"),
                        next.orElse(null), e);
            }
            case RuntimeException e -> e;
            case Error e -> throw e;
            default -> new IllegalStateException(key + ": " + failure.getMessage(), failure);
        };
    }

    private SessionInfo info(Session session, KeyState state) {
        return SessionInfo.of(session, state.freshness(settings.clock().instant(), settings));
    }

    private KeySlot slotFor(SessionKey key) {
        KeySlot slot = slots.get(key); // the hot path: a plain lock-free read, computeIfAbsent may lock a bin
        return slot != null ? slot
                : slots.computeIfAbsent(key, k -> new KeySlot(k, new CompetingLogins(settings.refreshInterval())));
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this login core is closed; create a new one with LoginCore.create");
        }
    }
}
