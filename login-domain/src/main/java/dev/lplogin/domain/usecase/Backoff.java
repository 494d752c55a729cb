package dev.lplogin.domain.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * LivePerson's long-interval retry around login (spec §3.4): after {@code failuresBefore} consecutive failed logins,
 * wait {@code initial}·2ⁿ, capped at {@code max}, plus up to {@code jitter} of that so that many clients do not
 * retry together. The jitter only ever lengthens a wait: the published schedule is a floor, never to be beaten.
 */
record Backoff(Duration initial, Duration max, int failuresBefore, double jitter) {

    static Backoff from(LoginSettings settings) {
        return new Backoff(settings.backoffInitial(), settings.backoffMax(), settings.failuresBeforeBackoff(),
                settings.jitter());
    }

    /**
     * When the next login may be tried after {@code failures} consecutive failures, the last one at {@code now};
     * empty while the failures are still below the threshold (the next caller may try at once). {@code luck}
     * (uniform in [0, 1)) chooses the jitter.
     */
    Optional<Instant> nextAttempt(int failures, Instant now, double luck) {
        if (failures <= 0 || failures < failuresBefore) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - Math.max(failuresBefore, 1), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        long extraMillis = (long) (wait.toMillis() * jitter * luck);
        return Optional.of(now.plus(wait).plusMillis(extraMillis));
    }
}
