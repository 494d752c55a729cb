package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.AuthGateway;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.DomainLookup;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upstream steps of one key — reuse a stored session, log in, refresh, re-login on a dead session, log out —
 * and the state each leaves behind. Every method runs inside the key's single flight (so never twice at once for a
 * key) on the network executor, and blocks on the ports.
 */
final class Renewal {

    private static final System.Logger LOG = System.getLogger(Renewal.class.getName());

    /** What a flight was started for. */
    enum Intent {
        /** A caller needs a usable session (there was none, or it had expired). */
        ACQUIRE,
        /** A caller saw the session stale: refresh it unless someone already did. */
        REFRESH_IF_DUE,
        /** Keep-alive or an explicit refresh: confirm the session now. */
        REFRESH_NOW
    }

    private final DomainLookup domainLookup;
    private final AuthGateway gateway;
    private final StoredSessions store;
    private final Events events;
    private final KeepAlive keepAlive;
    private final LoginSettings settings;
    private final Backoff backoff;

    Renewal(DomainLookup domainLookup, AuthGateway gateway, StoredSessions store, Events events, KeepAlive keepAlive,
            LoginSettings settings) {
        this.domainLookup = domainLookup;
        this.gateway = gateway;
        this.store = store;
        this.events = events;
        this.keepAlive = keepAlive;
        this.settings = settings;
        this.backoff = Backoff.from(settings);
    }

    /**
     * Brings the key to a usable session for {@code intent}. Decides afresh from the current state, because the
     * flight may start just after another one finished the job.
     *
     * @throws SessionUnavailableException when no session can be had (with the reason)
     * @throws InfrastructureException     when a port failed and no usable session is left
     */
    Settled settle(KeySlot slot, Intent intent) {
        KeyState state = slot.state();
        Freshness freshness = state.freshness(now(), settings);
        boolean refreshWanted = intent == Intent.REFRESH_NOW
                || (intent == Intent.REFRESH_IF_DUE && freshness == Freshness.STALE);
        return switch (freshness) {
            case FRESH, STALE -> refreshWanted ? refresh(slot, state.session().orElseThrow())
                    : Settled.ok(state.session().orElseThrow());
            case EXPIRED -> acquire(slot, intent);
        };
    }

    /** An explicit login with {@code credentials}, replacing whatever session the key had. */
    LoginOutcome loginNow(KeySlot slot, Credentials credentials) {
        return store.underLease(slot.key, () -> {
            long storedVersion = store.load(slot.key).map(Session::version)
                    .orElse(slot.state().session().map(Session::version).orElse(0L));
            return login(slot, credentials, storedVersion, false);
        });
    }

    /** A usable session after {@link #login}, or the exception that says why there is none. */
    Settled settledOrThrow(KeySlot slot, LoginOutcome outcome) {
        KeyState state = slot.state();
        if (outcome instanceof LoggedIn && state.session().isPresent()) {
            return Settled.ok(state.session().get());
        }
        throw state.halt().map(h -> h.toException(slot.key, null)).orElseGet(() -> notLoggedIn(slot.key, state));
    }

    /**
     * Ends the key's session(s) upstream and in the store and forgets its credentials.
     *
     * @return whether there was a session
     * @throws InfrastructureException if a logout could not reach the service (the session is forgotten anyway)
     */
    boolean logout(KeySlot slot) {
        KeyState before = slot.replace(KeyState.EMPTY);
        keepAlive.cancel(slot);
        List<Session> targets = new ArrayList<>();
        before.session().ifPresent(targets::add);
        store.load(slot.key)
                .filter(stored -> targets.stream().noneMatch(held -> held.bearer().equals(stored.bearer())))
                .ifPresent(targets::add);
        InfrastructureException failure = null;
        for (Session session : targets) {
            store.delete(session);
            try {
                gateway.logout(session);
            } catch (InfrastructureException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (!targets.isEmpty()) {
            events.emit(new SessionEvent.LoggedOut(slot.key, now()));
        }
        if (failure != null) {
            throw failure;
        }
        return !targets.isEmpty();
    }

    /**
     * A usable session for a key holding none: one reused from the store — and, for {@link Intent#REFRESH_NOW},
     * confirmed at the service in the same lease (a new process's explicit refresh must refresh, not just pick up) —
     * or else a new login.
     */
    private Settled acquire(KeySlot slot, Intent intent) {
        throwIfHalted(slot);
        return store.underLease(slot.key, () -> {
            Instant now = now();
            KeyState state = slot.state();
            // Re-read after waiting for the lease: another flight or process may have done the work meanwhile.
            Optional<Session> usable = state.usable(now, settings);
            if (usable.isPresent()) {
                return Settled.ok(usable.get());
            }
            Optional<Session> stored = store.load(slot.key);
            if (stored.isPresent() && reusable(stored.get(), state, now)) {
                return intent == Intent.REFRESH_NOW ? refreshAtService(slot, hold(slot, stored.get()))
                        : adopt(slot, stored.get());
            }
            Credentials credentials = state.credentials().orElseThrow(() -> notLoggedIn(slot.key, state));
            long storedVersion = stored.map(Session::version).orElse(0L);
            return settledOrThrow(slot, login(slot, credentials, storedVersion, state.session().isPresent()));
        });
    }

    private Settled refresh(KeySlot slot, Session session) {
        return store.underLease(slot.key, () -> {
            // Another process sharing the store may have confirmed (or replaced) the session while we waited.
            Optional<Session> stored = store.load(slot.key);
            if (stored.isPresent() && stored.get().lastConfirmedAt().isAfter(session.lastConfirmedAt())
                    && freshness(stored.get()) == Freshness.FRESH) {
                return adopt(slot, stored.get());
            }
            return refreshAtService(slot, session);
        });
    }

    /** One refresh call upstream for {@code session}, under the key's lease, and the state its outcome leaves. */
    private Settled refreshAtService(KeySlot slot, Session session) {
        RefreshOutcome outcome;
        try {
            outcome = gateway.refresh(session);
        } catch (InfrastructureException e) {
            return refreshFailed(slot, session, e.getMessage(), e, Duration.ZERO);
        }
        return switch (outcome) {
            case Refreshed refreshed -> confirmed(slot, store.save(refreshed.session()));
            case SessionGone gone -> relogin(slot, session, gone);
            case Blocked blocked -> throw stop(slot, blockedHalt(blocked));
            case RateLimited limited -> refreshFailed(slot, session,
                    "the Login Service rate-limits this user (429)", limitedException(slot, limited),
                    limited.retryAfter());
        };
    }

    private Settled confirmed(KeySlot slot, Session session) {
        slot.update(state -> state.withSession(session));
        slot.pauseRefreshesUntil(Instant.MIN);
        events.emit(new SessionEvent.Refreshed(slot.key, now()));
        keepAlive.afterConfirmation(slot, session);
        return Settled.ok(session);
    }

    /** A failed refresh leaves a still-valid session in place (spec: never disturb a valid bearer) and retries. */
    private Settled refreshFailed(KeySlot slot, Session session, String reason, RuntimeException failure,
            Duration retryAfter) {
        events.emit(new SessionEvent.RefreshFailed(slot.key, now(), reason));
        // planned even if the session has just expired: then the retry is a re-login (following the back-off)
        slot.pauseRefreshesUntil(keepAlive.retrySoon(slot, retryAfter));
        if (freshness(session) == Freshness.EXPIRED) {
            throw failure;
        }
        return new Settled(session, Optional.of(failure));
    }

    /** The service dropped the session (401 on refresh): one re-login, whose session replaces the old atomically. */
    private Settled relogin(KeySlot slot, Session dead, SessionGone gone) {
        Instant now = now();
        events.emit(new SessionEvent.RefreshFailed(slot.key, now, gone.csrfMismatch()
                ? "the service rejected the session's csrf token (401); logging in again"
                : "the service no longer knows the session (401); logging in again"));
        slot.competing.sessionKilled(dead.issuedAt(), now).ifPresent(killed -> {
            LOG.log(Level.WARNING, "lp-login: " + slot.key + ": " + killed + " fresh sessions were killed soon after "
                    + "login; " + CompetingLogins.ADVICE);
            events.emit(new SessionEvent.CompetingLogin(slot.key, now, killed, CompetingLogins.ADVICE));
        });
        // Callers must not get the dead bearer meanwhile: marked invalid, they wait for this flight's re-login.
        KeyState state = slot.update(KeyState::markInvalidated);
        if (state.credentials().isEmpty()) {
            slot.update(KeyState::withoutSession);
            keepAlive.cancel(slot);
            store.delete(dead);
            throw notLoggedIn(slot.key, state);
        }
        return settledOrThrow(slot, login(slot, state.credentials().get(), dead.version(), true));
    }

    /**
     * One login upstream and the state it leaves: a held, saved session; a stop (rejected, blocked); or a pause
     * (rate limit, back-off after repeated outages, spec §3.4).
     *
     * @throws InfrastructureException when the lookup or the login failed (retryable ones count toward back-off)
     */
    private LoginOutcome login(KeySlot slot, Credentials credentials, long storedVersion, boolean relogin) {
        LoginOutcome outcome;
        try {
            var host = domainLookup.lookup(slot.key.account(), ServiceName.LOGIN);
            outcome = gateway.login(slot.key.account(), host, credentials);
        } catch (InfrastructureException e) {
            if (e.retryable()) {
                countFailure(slot, e);
            }
            throw e;
        }
        switch (outcome) {
            case LoggedIn loggedIn -> {
                seed(slot, loggedIn);
                Session held = store.save(loggedIn.session().withVersion(storedVersion));
                slot.update(state -> state.withSession(held));
                events.emit(new SessionEvent.LoggedIn(slot.key, now(), relogin));
                keepAlive.afterConfirmation(slot, held);
            }
            case CredentialsRejected rejected -> stop(slot, Halt.terminal(Reason.CREDENTIALS_REJECTED,
                    "the Login Service rejected the credentials (401" + detail(rejected.detail())
                            + "); no further attempts until you log in again with correct credentials"));
            case Blocked blocked -> stop(slot, blockedHalt(blocked));
            case RateLimited limited -> {
                Instant until = now().plus(limited.retryAfter());
                Halt halt = Halt.until(Reason.RATE_LIMITED, "the Login Service rate-limits logins of this user (429)",
                        until);
                slot.update(state -> state.halted(halt, state.failures()));
                events.emit(new SessionEvent.GaveUp(slot.key, now(), halt.message()));
                keepAlive.retryAt(slot, until);
            }
        }
        return outcome;
    }

    private void countFailure(KeySlot slot, InfrastructureException e) {
        Instant now = now();
        int failures = slot.state().failures() + 1;
        Optional<Instant> next = backoff.nextAttempt(failures, now);
        if (next.isEmpty()) {
            // below the threshold: the next caller may try at once, and keep-alive tries again soon by itself
            slot.update(state -> state.withFailures(failures));
            keepAlive.retrySoon(slot, Duration.ZERO);
            return;
        }
        Halt halt = Halt.until(Reason.UNAVAILABLE, "login failed " + failures + " times in a row, last: "
                + e.getMessage() + "; backing off (spec §3.4)", next.get());
        slot.update(state -> state.halted(halt, failures));
        events.emit(new SessionEvent.GaveUp(slot.key, now, halt.message()));
        keepAlive.retryAt(slot, next.get());
    }

    /** Holds a live session another process saved, with the keep-alive planned from its last confirmation. */
    private Settled adopt(KeySlot slot, Session stored) {
        keepAlive.afterConfirmation(slot, hold(slot, stored));
        return Settled.ok(stored);
    }

    private Session hold(KeySlot slot, Session stored) {
        slot.update(state -> state.withSession(stored));
        events.emit(new SessionEvent.ReusedStored(slot.key, now()));
        return stored;
    }

    private boolean reusable(Session stored, KeyState state, Instant now) {
        boolean knownDead = state.invalidated()
                && state.session().map(held -> held.bearer().equals(stored.bearer())).orElse(false);
        return !knownDead && stored.freshnessAt(now, settings.refreshInterval(), settings.idleTimeout())
                != Freshness.EXPIRED;
    }

    private void throwIfHalted(KeySlot slot) {
        Optional<Halt> halt = slot.state().halt();
        if (halt.isPresent() && halt.get().blocks(now())) {
            throw halt.get().toException(slot.key, null);
        }
    }

    private SessionUnavailableException stop(KeySlot slot, Halt halt) {
        slot.update(state -> state.stopped(halt));
        keepAlive.cancel(slot);
        events.emit(new SessionEvent.GaveUp(slot.key, now(), halt.message()));
        return halt.toException(slot.key, null);
    }

    private static Halt blockedHalt(Blocked blocked) {
        return Halt.terminal(Reason.BLOCKED, "LivePerson blocked the account or user (451" + detail(blocked.detail())
                + "); no further attempts are made: contact LivePerson support");
    }

    private SessionUnavailableException limitedException(KeySlot slot, RateLimited limited) {
        return Halt.until(Reason.RATE_LIMITED, "the Login Service rate-limits refreshes of this user (429)",
                now().plus(limited.retryAfter())).toException(slot.key, null);
    }

    static SessionUnavailableException notLoggedIn(SessionKey key, KeyState state) {
        String message = state.session().isPresent()
                ? key + ": the session has ended, and no credentials are held to start a new one"
                : key + ": not logged in (no live session held or stored, no credentials held); log in first";
        return new SessionUnavailableException(key, Reason.NOT_LOGGED_IN, message, null, null);
    }

    private void seed(KeySlot slot, LoggedIn loggedIn) {
        if (loggedIn.services().isEmpty()) {
            return;
        }
        try {
            domainLookup.seed(slot.key.account(), loggedIn.services());
        } catch (RuntimeException e) {
            // seeding only saves a later lookup; a failure must not undo a successful login
            LOG.log(Level.DEBUG, "lp-login: could not seed the domain lookup for " + slot.key.account(), e);
        }
    }

    private Freshness freshness(Session session) {
        return session.freshnessAt(now(), settings.refreshInterval(), settings.idleTimeout());
    }

    private Instant now() {
        return settings.clock().instant();
    }

    private static String detail(String detail) {
        return detail.isBlank() ? "" : ": " + detail;
    }
}
