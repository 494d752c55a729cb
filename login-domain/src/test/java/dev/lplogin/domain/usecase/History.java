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
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import dev.lplogin.domain.testing.FakeTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One random history of the real core ({@link LoginCore#create}) on a manual clock and scheduler: one or two
 * processes ({@code P}, {@code Q}: two cores sharing one store and one Login Service) and their callers act at
 * random, the ports answer from a random script (login ok / 401 / 429 / 451 / 5xx / timeout, refresh ok / 401 /
 * 5xx / 429 / 451, store down / record that cannot be opened / conflict / fenced, a slow call), and other
 * processes ({@code X}) log in or save meanwhile. Network work runs on the calling thread, so a history is a
 * function of its {@link HistoryChoices} (up to the core's own jitter of when in its spread window a keep-alive runs).
 *
 * <p>The invariants are checked where they can be seen: at every port call, every event a listener hears, and every
 * bearer a caller gets. {@link #run} returns the first one broken, and {@link #trace} says what led to it.
 */
final class History {

    static final SessionKey KEY = Rig.KEY;
    static final AccountId ACCOUNT = Rig.ACCOUNT;
    static final Credentials GOOD = Rig.CREDENTIALS;
    static final Credentials WRONG = new Credentials.UserPassword("bot", Secret.of("wrong-pw"));
    static final Duration LEASE_TTL = Duration.ofMinutes(1);

    private final HistoryChoices choices;
    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeTokenStore shared = new FakeTokenStore(clock);
    private final ScriptedService service = new ScriptedService(clock);
    private final List<String> trace = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private String violation;
    /** The store is unreachable for everyone (Redis down). */
    private boolean storeDown;
    /** The stored record exists but the processes cannot open it (a wrong store key). */
    private boolean sealed;
    /** Who holds the store lease of {@link #KEY}, as far as the processes' calls show; null if nobody. */
    private Holder leaseHolder;

    private record Holder(Process who, Lease lease) {
    }

    private final boolean tracing;

    /** @param tracing whether to keep the {@link #trace} (a run that only looks for failures does without) */
    History(HistoryChoices choices, boolean tracing) {
        this.choices = choices;
        this.tracing = tracing;
    }

    /** Runs the history to its end or its first broken invariant, which it returns. */
    Optional<String> run() {
        processes.add(new Process("P"));
        if (choices.pick(1, 1) == 1) {
            processes.add(new Process("Q"));
        }
        try {
            for (int step = 0; violation == null && choices.more(step); step++) {
                Process p = processes.size() == 1 ? processes.get(0) : processes.get(choices.pick(3, 1));
                act(p, choices.pick(14, 10, 20, 6, 5, 6, 2, 5, 1, 3, 3, 3, 2, 3, 2, 2));
                try {
                    scheduler.advance(Duration.ZERO); // the timers a slow call made due
                } catch (RuntimeException e) {
                    violate("a timer task threw " + e);
                }
            }
        } finally {
            processes.forEach(p -> p.core.close());
        }
        return Optional.ofNullable(violation);
    }

    List<String> trace() {
        return trace;
    }

    // ------------------------------------------------------------------------------------------- caller actions

    private void act(Process p, int action) {
        switch (action) {
            case 0 -> advance(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)));
            case 1 -> advance(List.of(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(10),
                    Duration.ofMinutes(31), Duration.ofHours(1)));
            case 2 -> bearer(p);
            case 3 -> call(p, "refresh()", () -> p.core.refresh(KEY).userId());
            case 4 -> invalidate(p);
            case 5 -> login(p, GOOD);
            case 6 -> login(p, WRONG);
            case 7 -> useCredentials(p, GOOD);
            case 8 -> useCredentials(p, WRONG);
            case 9 -> call(p, "logout()", () -> String.valueOf(p.core.logout(KEY)));
            case 10 -> rogueLogin();
            case 11 -> sharedLogin();
            case 12 -> {
                note("the service drops the live session " + service.live(KEY).map(service::name).orElse("(none)"));
                service.dropLive(KEY);
            }
            case 13 -> {
                storeDown = !storeDown;
                note(storeDown ? "the store goes down" : "the store is back");
            }
            case 14 -> {
                sealed = !sealed;
                note(sealed ? "the stored record can no longer be opened (wrong store key)" : "the store key is right again");
            }
            default -> call(p, "sessions()", () -> p.core.sessions().stream().map(SessionInfo::userId).toList()
                    .toString());
        }
    }

    private void advance(List<Duration> options) {
        Duration by = options.get(choices.pick(options.stream().mapToInt(d -> 1).toArray()));
        note("time passes: " + by);
        try {
            scheduler.advance(by);
        } catch (RuntimeException e) {
            violate("a timer task threw " + e);
        }
    }

    private void bearer(Process p) {
        note(p + ".bearer()");
        // what was known when the call began: a stale read is answered before the background refresh it starts,
        // which runs on this thread here, so a 401 that refresh learns comes after the answer
        Instant asked = clock.instant();
        Set<Secret> refusedBefore = Set.copyOf(p.refused);
        try {
            Secret bearer = p.core.bearer(KEY);
            note("  -> " + service.name(bearer));
            served(p, bearer, asked, refusedBefore);
        } catch (SessionUnavailableException | InfrastructureException e) {
            note("  fails: " + e.getMessage());
            if (p.lastRead != null && !p.lastRead.retryable() && e instanceof SessionUnavailableException u
                    && u.reason() == SessionUnavailableException.Reason.NOT_LOGGED_IN) {
                violate(p + ".bearer() failed with \"" + e.getMessage() + "\" although the store's record could not"
                        + " be opened: the caller must be told about the store");
            }
        } catch (RuntimeException e) {
            violate(p + ".bearer() threw " + e);
        }
    }

    /**
     * Every bearer a caller gets: alive by the service's clock when asked for, and never one this process had heard
     * refused by then.
     */
    private void served(Process p, Secret bearer, Instant asked, Set<Secret> refused) {
        if (service.issued(bearer).isEmpty()) {
            violate(p + " served a bearer the service never issued");
            return;
        }
        if (!asked.isBefore(service.deadline(bearer))) {
            violate(p + " served " + service.name(bearer) + " past its hard deadline " + service.deadline(bearer));
        }
        if (refused.contains(bearer)) {
            violate(p + " served " + service.name(bearer) + " after a 401 for it");
        }
        p.lastServed = bearer;
    }

    /** Another API refused the bearer the process handed out last (only ever a dead one: APIs are truthful). */
    private void invalidate(Process p) {
        Secret last = p.lastServed;
        if (last == null || service.alive(last)) {
            note(p + ": the API accepts the bearer");
            return;
        }
        note(p + ".invalidate(" + service.name(last) + ")");
        p.refused.add(last);
        call(p, "invalidate()", () -> {
            p.core.invalidate(KEY, last);
            return "done";
        });
    }

    private void login(Process p, Credentials credentials) {
        p.rejected.remove(credentials);
        p.explicitLogin = true;
        try {
            call(p, "login(" + (credentials == GOOD ? "right" : "wrong") + " password)", () -> {
                LoginOutcome outcome = p.core.login(ACCOUNT, credentials);
                if (outcome instanceof LoggedIn in) {
                    String held = p.heldUserId();
                    if (!in.session().userId().equals(held)) {
                        violate(p + ".login() answered with session " + in.session().userId() + " but holds " + held);
                    }
                    return "LoggedIn " + in.session().userId();
                }
                return outcome.toString();
            });
        } finally {
            p.explicitLogin = false;
        }
    }

    private void useCredentials(Process p, Credentials credentials) {
        p.rejected.remove(credentials);
        call(p, "useCredentials(" + (credentials == GOOD ? "right" : "wrong") + " password)", () -> {
            p.core.useCredentials(ACCOUNT, credentials);
            return "done";
        });
    }

    private void call(Process p, String what, Supplier<String> body) {
        note(p + "." + what);
        try {
            note("  -> " + body.get());
        } catch (SessionUnavailableException | InfrastructureException e) {
            note("  fails: " + e.getMessage());
        } catch (RuntimeException e) {
            violate(p + "." + what + " threw " + e);
        }
    }

    // ----------------------------------------------------------------------------------------- other processes

    /** A process that does not share the store logs in as the same user, killing the live session. */
    private void rogueLogin() {
        clock.advance(Duration.ofSeconds(1));
        note("X (not sharing the store) logs in: " + service.issue(KEY, "X").userId());
    }

    /** A process sharing the store logs in under the lease (if it can have it) and saves its session. */
    private void sharedLogin() {
        if (storeDown) {
            note("X cannot reach the store");
            return;
        }
        if (leaseHolder != null && clock.instant().isBefore(leaseHolder.lease().expiresAt())) {
            note("X waits: " + leaseHolder.who() + " holds the lease");
            return;
        }
        clock.advance(Duration.ofSeconds(1));
        Session saved = shared.put(service.issue(KEY, "X"));
        note("X logs in and saves " + saved.userId());
    }

    // --------------------------------------------------------------------------------------------- invariants

    private void note(String line) {
        if (!tracing) {
            return;
        }
        trace.add(String.format("%8s  %s", Duration.between(FakeClock.START, clock.instant()).toString()
                .substring(2).toLowerCase(), line));
    }

    private void violate(String message) {
        if (tracing) {
            note("VIOLATION: " + message);
        }
        if (violation == null) {
            violation = message;
        }
    }

    /** Checked as a process starts a login: the lease, the store, the credentials allow it. */
    private void beforeLogin(Process p, Credentials credentials) {
        if (p.rejected.contains(credentials)) {
            violate(p + " logged in again with credentials the service rejected, without being given them again");
        }
        if (p.lastRead != null && (!p.explicitLogin || !p.lastRead.retryable())) {
            violate(p + " logged in although its last read of the store failed, a blind login: "
                    + (p.lastRead.retryable() ? "the store was unreachable" : "the record could not be opened"));
        }
        if (!p.leaseFailed && leaseHolder != null && leaseHolder.who() != p
                && clock.instant().isBefore(leaseHolder.lease().expiresAt())) {
            violate(p + " logged in while " + leaseHolder.who() + " holds the store lease");
        }
    }

    // ------------------------------------------------------------------------------------------------ processes

    /** One process: a real core over this history's scripted ports, and what it has seen so far. */
    private final class Process {

        final String name;
        final LoginUseCase core;
        final Gateway gateway = new Gateway(this);
        final Store store = new Store(this);
        /** Bearers this process heard refused (401 on refresh, or an API's 401 it reported). */
        final Set<Secret> refused = new HashSet<>();
        /** Credentials the service rejected, until a caller gives them again. */
        final Set<Credentials> rejected = new HashSet<>();
        /** Sessions this process logged in or refreshed, not yet announced. */
        final List<String> unannouncedLogins = new ArrayList<>();
        final List<String> unannouncedRefreshes = new ArrayList<>();
        /** The failure of this process's last read of the store, null if it succeeded. */
        StoreException lastRead;
        /** Whether this process's last attempt to take the lease failed (the store could not be reached). */
        boolean leaseFailed;
        boolean explicitLogin;
        Secret lastServed;
        int upstreamCalls;
        boolean quiet;

        Process(String name) {
            this.name = name;
            this.core = LoginCore.create(new FakeDomainLookup(), gateway, store, this::heard, LoginSettings.builder()
                    .clock(clock).scheduler(scheduler).executor(Runnable::run).jitter(0).leaseTtl(LEASE_TTL)
                    .logoutOnClose(false).build());
        }

        /** The user id of the session the core holds (or, holding none, finds stored), read without side effects. */
        String heldUserId() {
            quiet = true;
            try {
                return core.session(KEY).map(SessionInfo::userId).orElse("nothing");
            } catch (RuntimeException e) {
                return "nothing readable";
            } finally {
                quiet = false;
            }
        }

        /** The listener: no event for work another process did. */
        private void heard(SessionEvent event) {
            switch (event) {
                case SessionEvent.LoggedIn in -> matches("LoggedIn", unannouncedLogins);
                case SessionEvent.Refreshed refreshed -> matches("Refreshed", unannouncedRefreshes);
                default -> { }
            }
        }

        private void matches(String event, List<String> unannounced) {
            if (unannounced.isEmpty()) {
                violate(this + " announced " + event + " without such an answer of its own");
                return;
            }
            String ours = unannounced.getLast();
            unannounced.clear();
            String held = heldUserId();
            if (!ours.equals(held)) {
                violate(this + " announced " + event + " for its session " + ours + " but holds " + held);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The Login Service as one process calls it, answering from the script. */
    private final class Gateway implements AuthGateway {

        private final Process p;

        Gateway(Process p) {
            this.p = p;
        }

        @Override
        public LoginOutcome login(AccountId account, ServiceHost loginHost, Credentials credentials) {
            enter();
            try {
                beforeLogin(p, credentials);
                meanwhile();
                int answer = credentials == WRONG ? 1 : choices.pick(60, 5, 5, 2, 6, 4);
                switch (answer) {
                    case 0 -> {
                        Session session = service.issue(KEY, p.name);
                        note(p + " logs in: " + session.userId());
                        p.unannouncedLogins.add(session.userId());
                        return new LoggedIn(session, Map.of(ServiceName.LOGIN, loginHost));
                    }
                    case 1 -> {
                        note(p + " logs in: 401");
                        p.rejected.add(credentials);
                        return new CredentialsRejected("wrong password");
                    }
                    case 2 -> {
                        note(p + " logs in: 429");
                        return new RateLimited(Duration.ofSeconds(90));
                    }
                    case 3 -> {
                        note(p + " logs in: 451");
                        return new Blocked("");
                    }
                    case 4 -> {
                        note(p + " logs in: 503");
                        throw new ServiceUnavailableException(Operation.LOGIN, "HTTP 503 from the scripted service");
                    }
                    default -> {
                        clock.advance(Duration.ofSeconds(10));
                        note(p + " logs in: timed out");
                        throw new ServiceUnavailableException(Operation.LOGIN, "timed out after 10 s");
                    }
                }
            } finally {
                exit();
            }
        }

        @Override
        public RefreshOutcome refresh(Session session) {
            enter();
            try {
                meanwhile();
                String name = service.name(session.bearer());
                switch (choices.pick(75, 7, 8, 6, 2)) {
                    case 0 -> {
                        if (!service.confirm(session.bearer())) {
                            note(p + " refreshes " + name + ": 401 (the service dropped it)");
                            p.refused.add(session.bearer());
                            return new SessionGone(false);
                        }
                        note(p + " refreshes " + name + ": ok");
                        p.unannouncedRefreshes.add(session.userId());
                        return new Refreshed(session.confirmedAt(clock.instant(), List.of()));
                    }
                    case 1 -> {
                        note(p + " refreshes " + name + ": 401 (csrf refused)");
                        service.drop(session.bearer());
                        p.refused.add(session.bearer());
                        return new SessionGone(true);
                    }
                    case 2 -> {
                        note(p + " refreshes " + name + ": 503");
                        throw new ServiceUnavailableException(Operation.REFRESH, "HTTP 503 from the scripted service");
                    }
                    case 3 -> {
                        note(p + " refreshes " + name + ": 429");
                        return new RateLimited(Duration.ofSeconds(90));
                    }
                    default -> {
                        note(p + " refreshes " + name + ": 451");
                        return new Blocked("");
                    }
                }
            } finally {
                exit();
            }
        }

        @Override
        public LogoutOutcome logout(Session session) {
            enter();
            try {
                if (choices.pick(9, 1) == 1) {
                    note(p + " logs out " + service.name(session.bearer()) + ": 503");
                    throw new ServiceUnavailableException(Operation.LOGOUT, "HTTP 503 from the scripted service");
                }
                boolean alive = service.alive(session.bearer());
                service.drop(session.bearer());
                note(p + " logs out " + service.name(session.bearer()));
                return alive ? LogoutOutcome.LOGGED_OUT : LogoutOutcome.ALREADY_GONE;
            } finally {
                exit();
            }
        }

        /** At most one flight per key: a process's upstream calls for the key never overlap. */
        private void enter() {
            if (p.upstreamCalls++ > 0) {
                violate(p + " called the service for the key while another of its calls for it was under way");
            }
        }

        private void exit() {
            p.upstreamCalls--;
        }

        /** A call may be slow, and another process may log in meanwhile. */
        private void meanwhile() {
            switch (choices.pick(85, 10, 5)) {
                case 1 -> clock.advance(Duration.ofSeconds(2));
                case 2 -> clock.advance(Duration.ofSeconds(10));
                default -> { }
            }
            if (choices.pick(92, 8) == 1) {
                rogueLogin();
            }
        }
    }

    /** The shared store as one process reaches it, failing or racing from the script. */
    private final class Store implements TokenStore {

        private final Process p;

        Store(Process p) {
            this.p = p;
        }

        @Override
        public Optional<Session> load(SessionKey key) {
            if (p.quiet) {
                return shared.peek(key);
            }
            try {
                reachable(choices.pick(95, 5) == 1);
                openable();
                Optional<Session> stored = shared.load(key);
                p.lastRead = null;
                return stored;
            } catch (StoreException e) {
                note(p + " reads the store: " + e.getMessage());
                p.lastRead = e;
                throw e;
            }
        }

        @Override
        public SaveResult save(Session session, long expectedVersion) {
            return save(session, () -> shared.save(session, expectedVersion), false);
        }

        @Override
        public SaveResult save(Session session, long expectedVersion, Lease lease) {
            return save(session, () -> shared.save(session, expectedVersion, lease), true);
        }

        private SaveResult save(Session session, Supplier<SaveResult> save, boolean fenced) {
            int script = choices.pick(82, 6, 5, 4, 3);
            reachable(script == 4);
            openable();
            switch (script) {
                case 1 -> shared.peek(KEY).ifPresent(stored -> {
                    shared.put(stored); // another process re-saved the same session: a version conflict only
                    note("X re-saves " + stored.userId() + " just before " + p + " saves");
                });
                case 2, 3 -> {
                    clock.advance(Duration.ofSeconds(1));
                    Session theirs = shared.put(service.issue(KEY, "X"));
                    note("X " + (script == 3 && fenced ? "takes over the lease, " : "") + "logs in and saves "
                            + theirs.userId() + " just before " + p + " saves");
                    if (script == 3 && fenced) {
                        return new SaveResult.Fenced(Optional.of(theirs));
                    }
                }
                default -> { }
            }
            SaveResult result = save.get();
            note(p + " saves " + session.userId() + ": " + result.getClass().getSimpleName());
            return result;
        }

        @Override
        public boolean delete(SessionKey key, long expectedVersion) {
            reachable(false);
            openable();
            return shared.delete(key, expectedVersion);
        }

        @Override
        public List<Session> list() {
            if (p.quiet) {
                return shared.list();
            }
            reachable(false);
            return sealed ? List.of() : shared.list(); // records that cannot be opened are skipped
        }

        @Override
        public Optional<Lease> tryLease(SessionKey key, Duration ttl) {
            try {
                reachable(false);
            } catch (StoreException e) {
                p.leaseFailed = true;
                throw e;
            }
            p.leaseFailed = false;
            if (choices.pick(96, 4) == 1) {
                note(p + " waits for the lease: X holds it");
                clock.advance(Duration.ofSeconds(1));
                sharedLogin();
                return Optional.empty();
            }
            Optional<Lease> lease = shared.tryLease(key, ttl);
            if (lease.isEmpty()) {
                // a lease left behind (its release failed): waiting lets it lapse
                note(p + " waits for the lease left by " + (leaseHolder == null ? "?" : leaseHolder.who()));
                clock.advance(ttl);
                return lease;
            }
            leaseHolder = new Holder(p, lease.get());
            return lease;
        }

        @Override
        public Optional<Lease> renew(Lease lease, Duration ttl) {
            reachable(false);
            Optional<Lease> renewed = shared.renew(lease, ttl);
            renewed.ifPresent(r -> leaseHolder = new Holder(p, r));
            return renewed;
        }

        @Override
        public void release(Lease lease) {
            reachable(false);
            shared.release(lease);
            if (leaseHolder != null && leaseHolder.lease().token().equals(lease.token())) {
                leaseHolder = null;
            }
        }

        private void reachable(boolean glitch) {
            if (storeDown || glitch) {
                throw new StoreException("the store is unavailable (scripted)", null, true);
            }
        }

        private void openable() {
            if (sealed && shared.peek(KEY).isPresent()) {
                throw new StoreException("the stored session of " + KEY + " cannot be opened with this store key",
                        null, false);
            }
        }
    }
}
