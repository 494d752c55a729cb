package dev.lplogin.domain.port;

/**
 * The remote service could not be reached or answered with a server error (5xx), a connection failure or a timeout,
 * after the adapter's own retries (spec §3.4). Retryable.
 */
public final class ServiceUnavailableException extends InfrastructureException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(Operation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    public ServiceUnavailableException(Operation operation, String message) {
        this(operation, message, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
