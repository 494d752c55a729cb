package dev.lplogin.domain.usecase;

import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why no login is attempted for a key now: for good ({@code until} empty) or until a time.
 *
 * @param message says what happened and what to do; never a secret
 */
record LoginsStopped(Reason reason, String message, Optional<Instant> until) {

    LoginsStopped {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(until, "until");
    }

    static LoginsStopped forGood(Reason reason, String message) {
        return new LoginsStopped(reason, message, Optional.empty());
    }

    static LoginsStopped until(Reason reason, String message, Instant until) {
        return new LoginsStopped(reason, message + "; next attempt at " + until, Optional.of(until));
    }

    boolean activeAt(Instant now) {
        return until.map(now::isBefore).orElse(true);
    }

    Why.Refused refusal() {
        return new Why.Refused(reason, message, until);
    }
}
