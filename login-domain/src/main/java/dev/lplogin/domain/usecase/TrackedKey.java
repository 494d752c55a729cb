package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Scheduler.Cancellable;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One key the core tracks: its current {@link KeyState} snapshot (replaced atomically, read without a lock), the
 * single flight that serialises its upstream work, and its one timer.
 */
final class TrackedKey {

    final SessionKey key;
    final SingleFlight<FlightResult> flight = new SingleFlight<>();

    private volatile KeyState state = KeyState.EMPTY;
    private Cancellable timer; // guarded by timerLock
    private long timerGeneration; // guarded by timerLock; every new timer or cancel supersedes the last
    private final Object timerLock = new Object();

    TrackedKey(SessionKey key) {
        this.key = key;
    }

    /** The current snapshot: one volatile read. */
    KeyState state() {
        return state;
    }

    /**
     * Applies {@code event} to the snapshot through the transition function, atomically, and returns the step.
     * Writers are rare (a login, a refresh, a timer, a caller's logout) and must not lose each other's changes;
     * readers never take this lock. The step's timer changes ({@code Wake}) are made by {@code setTimer} under
     * the same lock, so that a timer always belongs to the state that asked for it (a slower thread's older step
     * can never replace the timer of a newer one).
     */
    synchronized Step apply(SessionStateMachine machine, FlightProgress flight, Event event, Instant now, double luck,
            Consumer<Effect.Wake> setTimer) {
        Step step = machine.next(key, state, flight, event, now, luck);
        state = step.state();
        for (Effect effect : step.effects()) {
            if (effect instanceof Effect.Wake wake) {
                setTimer.accept(wake);
            }
        }
        return step;
    }

    /**
     * Installs the key's next timer, cancelling the one before: {@code schedule} gets the new timer's generation
     * (for {@link #isCurrentTimer}) and returns it.
     */
    void replaceTimer(LongFunction<Cancellable> schedule) {
        Cancellable previous;
        synchronized (timerLock) {
            previous = timer;
            timer = schedule.apply(++timerGeneration);
        }
        cancel(previous);
    }

    void cancelTimer() {
        Cancellable previous;
        synchronized (timerLock) {
            previous = timer;
            timer = null;
            timerGeneration++;
        }
        cancel(previous);
    }

    /** Whether no timer was installed or cancelled since the one of {@code generation}. */
    boolean isCurrentTimer(long generation) {
        synchronized (timerLock) {
            return timerGeneration == generation;
        }
    }

    long timerGeneration() {
        synchronized (timerLock) {
            return timerGeneration;
        }
    }

    private static void cancel(Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
