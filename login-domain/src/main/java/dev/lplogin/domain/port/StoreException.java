package dev.lplogin.domain.port;

/**
 * A {@link TokenStore} could not do its work: an I/O failure, unsafe permissions, an unreadable or undecryptable
 * record. Says whether trying again may help (a busy lock) or a person must act (permissions, a wrong key).
 */
public final class StoreException extends InfrastructureException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public StoreException(String message, Throwable cause, boolean retryable) {
        super(Operation.STORE, message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
