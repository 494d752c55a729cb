package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.ObjLongConsumer;

/**
 * Schedules each key's next background step on the one {@link Scheduler}: a refresh one jittered interval after the
 * last confirmation (spec §3.2: 4 minutes ± 10 %, so thousands of sessions never refresh in lockstep), or a retry
 * after a failure. The timer only starts a flight; the network work runs on the core's executor.
 */
final class KeepAlive {

    private final LoginSettings settings;
    private final Scheduler scheduler;
    private final ObjLongConsumer<KeySlot> due;
    private final BooleanSupplier stopped;

    /** {@code due} gets the key and the number of the plan whose timer fired (see {@link KeySlot#isLatestPlan}). */
    KeepAlive(LoginSettings settings, Scheduler scheduler, ObjLongConsumer<KeySlot> due, BooleanSupplier stopped) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.due = due;
        this.stopped = stopped;
    }

    /** Plans the next refresh of {@code session}, one jittered refresh interval after its last confirmation. */
    void afterConfirmation(KeySlot slot, Session session) {
        at(slot, session.lastConfirmedAt().plus(jittered(settings.refreshInterval())));
    }

    /**
     * Plans another try after a failure, at least {@code atLeast} from now (a rate limit's retry-after).
     *
     * @return when it is planned (also when keep-alive is off, so that callers can be held back until then)
     */
    Instant retrySoon(KeySlot slot, Duration atLeast) {
        // A quarter interval keeps several tries within the idle timeout without hammering a failing service.
        Duration pause = jittered(settings.refreshInterval().dividedBy(4));
        Instant when = settings.clock().instant().plus(atLeast.compareTo(pause) > 0 ? atLeast : pause);
        at(slot, when);
        return when;
    }

    /** Plans the next login attempt of a key that backs off (spec §3.4). */
    void retryAt(KeySlot slot, Instant when) {
        at(slot, when);
    }

    void cancel(KeySlot slot) {
        slot.cancelTimer();
    }

    private void at(KeySlot slot, Instant when) {
        if (!settings.keepAlive() || stopped.getAsBoolean()) {
            return;
        }
        Duration delay = Duration.between(settings.clock().instant(), when);
        slot.replaceTimer(plan -> scheduler.schedule(delay, () -> due.accept(slot, plan)));
    }

    private Duration jittered(Duration base) {
        double factor = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofNanos((long) (base.toNanos() * factor));
    }
}
