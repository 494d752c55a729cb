package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why no login is attempted for a key right now: for good ({@code until} empty — rejected credentials, blocked) or
 * until a time (back-off, rate limit). Callers get {@link #toException} at once, without an upstream call.
 *
 * @param message says what happened and what to do; never a secret
 */
record Halt(Reason reason, String message, Optional<Instant> until) {

    Halt {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(until, "until");
    }

    static Halt terminal(Reason reason, String message) {
        return new Halt(reason, message, Optional.empty());
    }

    static Halt until(Reason reason, String message, Instant until) {
        return new Halt(reason, message + "; next attempt at " + until, Optional.of(until));
    }

    /** Whether login attempts are still stopped at {@code now}. */
    boolean blocks(Instant now) {
        return until.map(now::isBefore).orElse(true);
    }

    SessionUnavailableException toException(SessionKey key, Throwable cause) {
        return new SessionUnavailableException(key, reason, key + ": " + message, until.orElse(null), cause);
    }
}
