package dev.lplogin.domain.port;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many requests (429, spec §3.1, §3.4), still so after the adapter's retry budget.
 *
 * @param retryAfter how long to wait before the next attempt, already floored by the retry policy
 */
public record RateLimited(Duration retryAfter) implements LoginOutcome, RefreshOutcome {
    public RateLimited {
        Objects.requireNonNull(retryAfter, "retry after");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retry after must not be negative");
        }
    }
}
