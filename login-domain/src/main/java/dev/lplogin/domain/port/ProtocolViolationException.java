package dev.lplogin.domain.port;

/**
 * The remote service answered something this client must not act on: malformed or oversized JSON, a missing
 * required field ({@code config.userId}), an invalid {@code baseURI}, or an insecure endpoint. Not retryable.
 */
public final class ProtocolViolationException extends InfrastructureException {

    private static final long serialVersionUID = 1L;

    public ProtocolViolationException(Operation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    public ProtocolViolationException(Operation operation, String message) {
        this(operation, message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
