package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import java.lang.System.Logger.Level;
import dev.lplogin.domain.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The lifecycle's use of the {@link TokenStore}: leases around login and refresh (renewed while the work lasts),
 * compare-and-set saves fenced by that lease with a clear rule for conflicts, and the principle that the store is an
 * optimisation — a failing store is logged, never allowed to break a bearer that is valid in memory.
 */
final class StoredSessions {

    private static final System.Logger LOG = System.getLogger(StoredSessions.class.getName());
    private static final int SAVE_ATTEMPTS = 3;
    private static final long FIRST_POLL_MILLIS = 2;
    /** Waiters poll at most this far apart, so a holder that died is replaced soon after the store notices. */
    static final long MAX_POLL_MILLIS = 200;
    /** A holder renews this many times per lease ttl, so one missed renewal never lets the lease lapse. */
    static final int RENEWALS_PER_TTL = 3;
    /** A waiter goes ahead without the lease after this many ttls: by then something is wrong with its holder. */
    static final int MAX_WAIT_TTLS = 10;

    private final TokenStore store;
    private final SaveConflictRule conflicts;
    private final LoginSettings settings;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor executor;

    /**
     * @param scheduler times the lease renewals
     * @param executor  runs them (store I/O stays off the scheduler thread)
     */
    StoredSessions(TokenStore store, LoginSettings settings, Scheduler scheduler, Executor executor) {
        this.store = store;
        this.conflicts = new SaveConflictRule(Rules.from(settings));
        this.settings = settings;
        this.clock = settings.clock();
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /**
     * A flight's hold on the store's lease of {@code key}: none yet; {@link FlightLease#take} takes it, and closing
     * releases it. Of several processes sharing the store only the holder logs in or refreshes, and the others then
     * find its result in the store. The lease is renewed every ttl/{@value #RENEWALS_PER_TTL} while held, so a login of
     * any length (LivePerson's retry ladder alone is 30 s) keeps the others out. Saves made with it are fenced by it.
     */
    FlightLease leaseFor(SessionKey key) {
        return new FlightLease(key);
    }

    /** The lease of one flight, a local of that flight ({@code try}-with-resources): no thread carries it. */
    final class FlightLease implements AutoCloseable {

        private final SessionKey key;
        private LeaseKeeper keeper; // null until taken, and when the store would not grant one

        private FlightLease(SessionKey key) {
            this.key = key;
        }

        /**
         * Takes the lease. While another holder has it this waits, polling with a growing pause of at most
         * {@value #MAX_POLL_MILLIS} ms, for as long as the holder keeps it (a dead holder's lease lapses, or is freed
         * at once by a store that sees the death) — but at most {@value #MAX_WAIT_TTLS} ttls, after which going ahead
         * without it is safer than waiting on. An unreachable store grants none: the read that follows reports it.
         */
        void take() {
            if (keeper == null) {
                keeper = acquire(key).map(LeaseKeeper::new).orElse(null);
            }
        }

        /** The lease as last renewed, to fence a save with; empty if none is held. */
        Optional<Lease> fence() {
            return keeper == null ? Optional.empty() : Optional.of(keeper.lease);
        }

        @Override
        public void close() {
            if (keeper != null) {
                keeper.stop();
                release(keeper.lease);
                keeper = null;
            }
        }
    }

    /** Keeps one lease alive while its flight works: renews it on the scheduler's time, on the executor. */
    private final class LeaseKeeper {
        private final Duration every = settings.leaseTtl().dividedBy(RENEWALS_PER_TTL);
        private volatile Lease lease;
        private volatile boolean stopped;
        private volatile Scheduler.Cancellable next;

        LeaseKeeper(Lease lease) {
            this.lease = lease;
            planNext();
        }

        private void planNext() {
            next = scheduler.schedule(every, () -> executor.execute(this::renew));
        }

        private void renew() {
            if (stopped) {
                return;
            }
            try {
                Optional<Lease> renewed = store.renew(lease, settings.leaseTtl());
                if (renewed.isEmpty()) {
                    LOG.log(Level.WARNING, "the store lease of " + lease.key() + " was lost while this process was"
                            + " still working under it; another process may take over, and its save wins");
                    return;
                }
                lease = renewed.get();
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "could not renew the store lease of " + lease.key() + "; trying again: "
                        + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not renew the store lease of " + lease.key() + "; trying again", e);
            }
            if (!stopped) {
                planNext();
            }
        }

        void stop() {
            stopped = true;
            Scheduler.Cancellable planned = next;
            if (planned != null) {
                planned.cancel();
            }
        }
    }

    /**
     * The stored session of {@code key}. A failure is the caller's to handle, never "nothing stored": a record that
     * cannot be opened may be another process's live session (a flight's rules decide; a listing reports it).
     *
     * @throws StoreException if the store could not be read
     */
    Optional<Session> load(SessionKey key) {
        return store.load(key);
    }

    /**
     * Every stored session, for listings ({@code sessions}, {@code logoutAll}); records that cannot be read are
     * skipped by the store (and reported).
     *
     * @throws StoreException if the store could not be read
     */
    List<Session> list() {
        return store.list();
    }

    /**
     * Saves {@code ours} (just logged in or confirmed) with compare-and-set — fenced by the flight's lease when it
     * holds one — and returns the session to hold, and whether it is another process's: the
     * {@link SaveConflictRule} decides after each answer, up to {@value #SAVE_ATTEMPTS} saves. When the store
     * fails, ours is held unsaved (logged) with the version it was meant to replace.
     */
    Event.Saved save(Session ours, FlightLease lease) {
        Session candidate = ours;
        Optional<Lease> fence = lease.fence();
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            SaveResult result;
            try {
                result = fence.isPresent()
                        ? store.save(candidate, candidate.version(), fence.get())
                        : store.save(candidate, candidate.version());
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "could not save the session of " + ours.key()
                        + "; it stays valid in memory: " + e.getMessage());
                return new Event.Saved(candidate, false);
            }
            switch (conflicts.after(candidate, result, clock.instant())) {
                case SaveConflictRule.Verdict.Hold hold -> {
                    if (result instanceof SaveResult.Fenced && !hold.theirs()) {
                        LOG.log(Level.WARNING, "another process took over the store lease of " + ours.key()
                                + " while this one worked; holding this session unsaved until the store has one");
                    }
                    return new Event.Saved(hold.session(), hold.theirs());
                }
                case SaveConflictRule.Verdict.SaveAgain again -> candidate = again.ours();
            }
        }
        LOG.log(Level.WARNING, "the stored session of " + ours.key()
                + " kept changing; holding ours unsaved");
        return new Event.Saved(candidate, false);
    }

    /** Deletes {@code session} from the store if it is still the stored one (by bearer), whatever its version. */
    void delete(Session session) {
        try {
            if (store.delete(session.key(), session.version())) {
                return;
            }
            Optional<Session> stored = store.load(session.key());
            if (stored.isPresent() && stored.get().bearer().equals(session.bearer())) {
                store.delete(session.key(), stored.get().version());
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "could not delete the stored session of " + session.key() + ": "
                    + e.getMessage());
        }
    }

    private Optional<Lease> acquire(SessionKey key) {
        // Waiting is measured in real time: it is a real pause of this thread, whatever clock the core runs on.
        Duration longest = settings.leaseTtl().multipliedBy(MAX_WAIT_TTLS);
        long deadline = System.nanoTime() + longest.toNanos();
        long pauseMillis = FIRST_POLL_MILLIS;
        long maxPauseMillis = Math.max(FIRST_POLL_MILLIS,
                Math.min(MAX_POLL_MILLIS, settings.leaseTtl().toMillis() / 10));
        while (true) {
            try {
                Optional<Lease> lease = store.tryLease(key, settings.leaseTtl());
                if (lease.isPresent()) {
                    return lease;
                }
            } catch (StoreException e) {
                // an unreachable store is reported by the read that follows (which decides whether to go on)
                LOG.log(e.retryable() ? Level.DEBUG : Level.WARNING, "could not take the store lease of " + key
                        + "; going ahead without it: " + e.getMessage());
                return Optional.empty();
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.log(Level.WARNING, "the store lease of " + key + " stayed taken for " + longest
                        + "; going ahead without it");
                return Optional.empty();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pauseMillis = Math.min(pauseMillis * 2, maxPauseMillis);
        }
    }

    private void release(Lease lease) {
        try {
            store.release(lease);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "could not release the store lease of " + lease.key()
                    + " (it lapses by itself): " + e.getMessage());
        }
    }
}
