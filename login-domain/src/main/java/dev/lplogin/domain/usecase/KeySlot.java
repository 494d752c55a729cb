package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Scheduler.Cancellable;
import java.time.Instant;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The core's holder for one key: its current {@link KeyState} snapshot (swapped atomically, read without a lock), the
 * single flight that serialises its upstream work, its keep-alive timer and its competing-login detector.
 */
final class KeySlot {

    final SessionKey key;
    final SingleFlight<Settled> flight = new SingleFlight<>();
    final CompetingLogins competing;

    private volatile KeyState state = KeyState.EMPTY;
    // After a failed refresh, stale reads must not start a new one on every call (a hammered, failing service);
    // kept outside the snapshot because it only throttles, it never decides what a caller gets.
    private volatile Instant refreshPausedUntil = Instant.MIN;
    // The keep-alive timer and the number of the plan it belongs to; every new plan or cancel supersedes the last.
    private Cancellable timer; // guarded by timerLock
    private long plan; // guarded by timerLock
    private final Object timerLock = new Object();

    KeySlot(SessionKey key, CompetingLogins competing) {
        this.key = key;
        this.competing = competing;
    }

    /** The current snapshot: one volatile read. */
    KeyState state() {
        return state;
    }

    /** Applies {@code change} atomically and returns the new snapshot. */
    synchronized KeyState update(UnaryOperator<KeyState> change) {
        // Writers are rare (a login, a refresh, a caller's logout) and must not lose each other's changes; readers
        // never take this lock.
        state = change.apply(state);
        return state;
    }

    /** Replaces the snapshot with {@code next} and returns the one before. */
    synchronized KeyState replace(KeyState next) {
        KeyState previous = state;
        state = next;
        return previous;
    }

    /** Whether a caller's stale read may start a background refresh at {@code now}. */
    boolean mayRefreshAt(Instant now) {
        return !now.isBefore(refreshPausedUntil);
    }

    void pauseRefreshesUntil(Instant until) {
        refreshPausedUntil = until;
    }

    /**
     * Installs the next timer for this key, cancelling the one before: {@code schedule} gets the new plan's number
     * (for {@link #isLatestPlan}) and returns the scheduled timer.
     */
    void replaceTimer(LongFunction<Cancellable> schedule) {
        Cancellable previous;
        synchronized (timerLock) {
            previous = timer;
            timer = schedule.apply(++plan);
        }
        cancel(previous);
    }

    void cancelTimer() {
        Cancellable previous;
        synchronized (timerLock) {
            previous = timer;
            timer = null;
            plan++;
        }
        cancel(previous);
    }

    /** Whether nothing was planned or cancelled since plan {@code number}: its timer is the key's last word. */
    boolean isLatestPlan(long number) {
        synchronized (timerLock) {
            return plan == number;
        }
    }

    private static void cancel(Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
