package dev.lplogin.domain.port;

import java.util.Objects;

/**
 * The small, closed family of infrastructure failures that may cross a port. Adapters translate everything they see
 * ({@code IOException}, JSON errors, timeouts, library exceptions) into one of these before it leaves them, so the
 * core and callers handle exactly five cases.
 *
 * <p>Messages name the {@link #operation() step} and what to do, and never contain a secret.
 */
public abstract sealed class InfrastructureException extends RuntimeException
        permits ServiceUnavailableException, ProtocolViolationException, DomainNotFoundException,
                RequestRejectedException, StoreException {

    private static final long serialVersionUID = 1L;

    private final Operation operation;

    protected InfrastructureException(Operation operation, String message, Throwable cause) {
        super(Objects.requireNonNull(operation, "operation").label() + ": " + Objects.requireNonNull(message, "message"),
                cause);
        this.operation = operation;
    }

    /** The step that failed. */
    public Operation operation() {
        return operation;
    }

    /** Whether trying again later may succeed (an outage) as opposed to needing a fix (a bad request or answer). */
    public abstract boolean retryable();
}
