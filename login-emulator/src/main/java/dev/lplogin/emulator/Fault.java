package dev.lplogin.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned failure: the next {@code times} requests to {@code endpoint} fail in the given {@link Mode}.
 * Faults queue per endpoint in the order they were injected. Build them with the static factories.
 *
 * @param endpoint   which endpoint fails
 * @param mode       how it fails
 * @param status     the HTTP status answered in {@link Mode#STATUS} (400–599); 0 in other modes
 * @param retryAfter the {@code Retry-After} header sent with a {@link Mode#STATUS} answer, if any
 * @param delay      how long a {@link Mode#DELAY} request waits before it is answered normally; zero otherwise
 * @param times      how many matching requests fail, at least 1
 */
public record Fault(Endpoint endpoint, Mode mode, int status, Optional<Duration> retryAfter, Duration delay,
                    int times) {

    /** How a faulted request fails. */
    public enum Mode {
        /** Answer {@code status} with a JSON error body (spec §3.6) and optionally {@code Retry-After}. */
        STATUS,
        /** Wait {@code delay}, then answer normally. */
        DELAY,
        /** Close the connection without any answer. */
        RESET,
        /** Answer 200 with a body that is not valid JSON. */
        MALFORMED,
        /** Answer 200 with a login answer whose bearer holds a line break (a header injection attempt). */
        BEARER_NEWLINE,
        /** Answer 200 with a login answer whose bearer is 900 KB long. */
        HUGE_BEARER,
        /** Answer 200 with well-formed JSON nested 100,000 levels deep. */
        DEEP_JSON;

        /** Whether this mode answers 200 with a hostile body of its own (the client must refuse it clearly). */
        public boolean hostile() {
            return this == BEARER_NEWLINE || this == HUGE_BEARER || this == DEEP_JSON;
        }
    }

    /** Validates the combination; see the factories for the usual shapes. */
    public Fault {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(delay, "delay");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        if (mode == Mode.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a status fault needs a status between 400 and 599, was " + status);
        }
        if (mode != Mode.STATUS && (status != 0 || retryAfter.isPresent())) {
            throw new IllegalArgumentException("status and retryAfter only apply to mode STATUS");
        }
        if (retryAfter.isPresent() && retryAfter.get().isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        if (mode == Mode.DELAY ? delay.isNegative() || delay.isZero() : !delay.isZero()) {
            throw new IllegalArgumentException("a positive delay is needed for mode DELAY and only there");
        }
    }

    /** The next {@code times} requests answer {@code status} with a JSON error body. */
    public static Fault status(Endpoint endpoint, int status, int times) {
        return new Fault(endpoint, Mode.STATUS, status, Optional.empty(), Duration.ZERO, times);
    }

    /** Like {@link #status}, with a {@code Retry-After} header (whole seconds, rounded down). */
    public static Fault status(Endpoint endpoint, int status, Duration retryAfter, int times) {
        return new Fault(endpoint, Mode.STATUS, status, Optional.of(retryAfter), Duration.ZERO, times);
    }

    /** The next {@code times} requests are answered normally, but only after {@code delay}. */
    public static Fault delay(Endpoint endpoint, Duration delay, int times) {
        return new Fault(endpoint, Mode.DELAY, 0, Optional.empty(), delay, times);
    }

    /** The next {@code times} requests get their connection closed without an answer. */
    public static Fault reset(Endpoint endpoint, int times) {
        return new Fault(endpoint, Mode.RESET, 0, Optional.empty(), Duration.ZERO, times);
    }

    /**
     * The next {@code times} requests are answered 200 with the hostile body of {@code mode} (one whose
     * {@link Mode#hostile()} is true): what a compromised or broken server, or a man in the middle, could send.
     */
    public static Fault hostile(Endpoint endpoint, Mode mode, int times) {
        if (!mode.hostile()) {
            throw new IllegalArgumentException(mode + " is not a hostile-answer mode");
        }
        return new Fault(endpoint, mode, 0, Optional.empty(), Duration.ZERO, times);
    }

    /** The next {@code times} requests are answered 200 with broken JSON. */
    public static Fault malformed(Endpoint endpoint, int times) {
        return new Fault(endpoint, Mode.MALFORMED, 0, Optional.empty(), Duration.ZERO, times);
    }
}
