package dev.lplogin.domain.port;

/**
 * The remote service refused the request itself (400, or another 4xx that has no meaning of its own): the request
 * must be fixed, so it is never retried (spec §3.4).
 */
public final class RequestRejectedException extends InfrastructureException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RequestRejectedException(Operation operation, int status, String message) {
        super(operation, "HTTP " + status + ": " + message, null);
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
