package dev.lplogin.calls;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link LivePersonCalls} sends: a timeout per attempt, and whether idempotent calls follow LivePerson's retry
 * policy. Immutable.
 *
 * @param requestTimeout       how long one attempt may wait for the answer's headers; empty for the transport's
 *                             {@code requestTimeout} (15 s by default)
 * @param retryIdempotentCalls whether a call whose method is idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) and
 *                             whose body is replayable is tried again after a 5xx, a connection failure or a timeout,
 *                             once per delay of the transport's {@code retryDelays} (LivePerson's policy: 5, 10 and
 *                             15 s). Off by default: a call is sent once (plus the one replay after a 401), because
 *                             only the caller knows whether a repeated request is harmless
 */
public record CallSettings(Optional<Duration> requestTimeout, boolean retryIdempotentCalls) {

    /** @throws IllegalArgumentException if the timeout is not positive */
    public CallSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isPresent() && (requestTimeout.get().isNegative() || requestTimeout.get().isZero())) {
            throw new IllegalArgumentException("the request timeout must be positive, e.g. PT15S");
        }
    }

    /** The transport's timeout, no retries. */
    public static CallSettings defaults() {
        return new CallSettings(Optional.empty(), false);
    }

    /** These settings with this timeout per attempt. */
    public CallSettings withRequestTimeout(Duration timeout) {
        return new CallSettings(Optional.of(timeout), retryIdempotentCalls);
    }

    /** These settings with LivePerson's retry policy for idempotent calls turned on or off. */
    public CallSettings withRetryOfIdempotentCalls(boolean retry) {
        return new CallSettings(requestTimeout, retry);
    }
}
