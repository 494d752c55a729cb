package dev.lplogin.adapter.http;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

/**
 * LivePerson's retry policy (spec §3.4) as Failsafe policies, composed outermost first: 429s are retried after
 * their wait while the budget lasts; 5xx answers, connection failures and timeouts are retried once per configured
 * delay (an attempt that outlives its timeout fails with {@link java.net.http.HttpTimeoutException}, see
 * {@link HttpTransport}). Nothing else is retried: not 400, 401, 451 or any other 4xx, not an untrusted
 * certificate, not an oversized or malformed answer.
 */
final class RetryPolicies {

    private RetryPolicies() {
    }

    /** 429 answers: wait what {@link Answer#rateLimitWait()} says, as long as the attempt said it fits the budget. */
    static RetryPolicy<Answer> rateLimited() {
        return RetryPolicy.<Answer>builder()
                .handleIf((answer, failure) -> failure == null
                        && answer.status() == Answer.TOO_MANY_REQUESTS && answer.retryAllowed())
                .withMaxRetries(-1)   // bounded by the budget, which the attempt checks
                .withDelayFn(context -> context.getLastResult().rateLimitWait())
                .build();
    }

    /** 5xx, connection failures and timeouts: one retry per delay, waiting that delay (5, 10, 15 s by default). */
    static RetryPolicy<Answer> failures(List<Duration> delays) {
        return RetryPolicy.<Answer>builder()
                .handleIf((answer, failure) -> failure == null ? answer.isServerError() : isTransient(failure))
                .withMaxRetries(delays.size())
                // The attempt count is the call's, so a 429 earlier in the same call moves on to a longer delay:
                // the conservative direction.
                .withDelayFn(context -> delays.isEmpty() ? Duration.ZERO
                        : delays.get(Math.min(context.getAttemptCount(), delays.size()) - 1))
                .build();
    }

    /** Whether a failure is worth another attempt: I/O failures, timeouts among them, except an untrusted TLS peer. */
    static boolean isTransient(Throwable failure) {
        return failure instanceof IOException && !untrustedPeer(failure) && !Trouble.proxyRefusedCredentials(failure);
    }

    /** A certificate problem somewhere in the chain: a configuration error, never cured by retrying. */
    static boolean untrustedPeer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }
}
