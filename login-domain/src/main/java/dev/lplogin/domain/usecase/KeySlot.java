package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Scheduler.Cancellable;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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
    private final AtomicReference<Cancellable> timer = new AtomicReference<>();

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

    /** Installs the next timer for this key, cancelling the one before. */
    void replaceTimer(Cancellable next) {
        Cancellable previous = timer.getAndSet(next);
        if (previous != null) {
            previous.cancel();
        }
    }

    void cancelTimer() {
        replaceTimer(null);
    }
}
