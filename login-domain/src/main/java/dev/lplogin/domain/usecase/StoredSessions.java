package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.port.TokenStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The lifecycle's use of the {@link TokenStore}: leases around login and refresh, compare-and-set saves with a clear
 * rule for conflicts, and the principle that the store is an optimisation — a failing store is logged, never allowed
 * to break a bearer that is valid in memory.
 */
final class StoredSessions {

    private static final System.Logger LOG = System.getLogger(StoredSessions.class.getName());
    private static final int SAVE_ATTEMPTS = 3;
    private static final long FIRST_POLL_MILLIS = 2;

    private final TokenStore store;
    private final LoginSettings settings;
    private final Clock clock;

    StoredSessions(TokenStore store, LoginSettings settings) {
        this.store = store;
        this.settings = settings;
        this.clock = settings.clock();
    }

    /**
     * Runs {@code work} holding the store's lease on {@code key}, so that of several processes sharing the store only
     * one logs in or refreshes and the others then find its result in the store. While another holder has the
     * lease this waits (polling with a growing pause), at most the lease's ttl — after that the lease has lapsed
     * anyway, or its holder died, and going ahead without it is safer than not at all.
     */
    <T> T underLease(SessionKey key, Supplier<T> work) {
        Optional<Lease> lease = acquire(key);
        try {
            return work.get();
        } finally {
            lease.ifPresent(this::release);
        }
    }

    /** The stored session of {@code key}; empty also when the store fails (logged). */
    Optional<Session> load(SessionKey key) {
        try {
            return store.load(key);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "lp-login: could not read the stored session of " + key + "; going on without it: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves {@code ours} (just logged in or confirmed) with compare-and-set and returns the session to hold. On a
     * conflict the stored one wins only if it is a different, live session issued after ours — another process
     * logged in later, which (one session per user) killed ours. Otherwise ours is newer: merge the version and save
     * again. When the store fails, ours is held unsaved (logged) with the version it was meant to replace.
     */
    Session save(Session ours) {
        Session candidate = ours;
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            SaveResult result;
            try {
                result = store.save(candidate, candidate.version());
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "lp-login: could not save the session of " + ours.key()
                        + "; it stays valid in memory: " + e.getMessage());
                return candidate;
            }
            switch (result) {
                case SaveResult.Saved saved -> {
                    return saved.session();
                }
                case SaveResult.Conflict conflict -> {
                    Optional<Session> theirs = conflict.current();
                    if (theirs.isPresent() && supersedes(theirs.get(), candidate)) {
                        return theirs.get();
                    }
                    candidate = candidate.withVersion(theirs.map(Session::version).orElse(0L));
                }
            }
        }
        LOG.log(Level.WARNING, "lp-login: the stored session of " + ours.key()
                + " kept changing; holding ours unsaved");
        return candidate;
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
            LOG.log(Level.WARNING, "lp-login: could not delete the stored session of " + session.key() + ": "
                    + e.getMessage());
        }
    }

    private boolean supersedes(Session theirs, Session ours) {
        return !theirs.bearer().equals(ours.bearer())
                && theirs.issuedAt().isAfter(ours.issuedAt())
                && theirs.freshnessAt(clock.instant(), settings.refreshInterval(), settings.idleTimeout())
                        != Freshness.EXPIRED;
    }

    private Optional<Lease> acquire(SessionKey key) {
        // Waiting is measured in real time: it is a real pause of this thread, whatever clock the core runs on.
        long deadline = System.nanoTime() + settings.leaseTtl().toNanos();
        long pauseMillis = FIRST_POLL_MILLIS;
        long maxPauseMillis = Math.max(FIRST_POLL_MILLIS, settings.leaseTtl().toMillis() / 10);
        while (true) {
            try {
                Optional<Lease> lease = store.tryLease(key, settings.leaseTtl());
                if (lease.isPresent()) {
                    return lease;
                }
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "lp-login: could not take the store lease of " + key
                        + "; going ahead without it: " + e.getMessage());
                return Optional.empty();
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.log(Level.WARNING, "lp-login: the store lease of " + key + " stayed taken for "
                        + settings.leaseTtl() + "; going ahead without it");
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
            LOG.log(Level.WARNING, "lp-login: could not release the store lease of " + lease.key()
                    + " (it lapses by itself): " + e.getMessage());
        }
    }
}
