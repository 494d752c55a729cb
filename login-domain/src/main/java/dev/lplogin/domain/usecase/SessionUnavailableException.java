package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.SessionKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * No valid session can be handed out for a key right now, and why. Thrown by {@link LoginUseCase} methods that must
 * return a live session. The message says what to do and never contains a secret.
 */
public final class SessionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no session is available; callers map it (the CLI maps it to its exit codes). */
    public enum Reason {
        /** Nothing stored or held for the key and no credentials to log in with: log in again. */
        NOT_LOGGED_IN,
        /** The held credentials were rejected (401 on login); attempts stopped until new credentials arrive. */
        CREDENTIALS_REJECTED,
        /** The account or user is blocked by LivePerson (451); attempts stopped for good. */
        BLOCKED,
        /** The service rate-limits this user (429); see {@link #nextAttemptAt()}. */
        RATE_LIMITED,
        /** The service (or the domain lookup) is unavailable; backing off until {@link #nextAttemptAt()}. */
        UNAVAILABLE
    }

    private final transient SessionKey key;
    private final Reason reason;
    private final transient Instant nextAttemptAt;

    public SessionUnavailableException(SessionKey key, Reason reason, String message, Instant nextAttemptAt,
            Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.key = Objects.requireNonNull(key, "key");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.nextAttemptAt = nextAttemptAt;
    }

    public SessionKey key() {
        return key;
    }

    public Reason reason() {
        return reason;
    }

    /** When the core will try again by itself, for {@link Reason#RATE_LIMITED} and {@link Reason#UNAVAILABLE}. */
    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }
}
