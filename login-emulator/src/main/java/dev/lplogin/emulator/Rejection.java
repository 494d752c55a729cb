package dev.lplogin.emulator;

/** A request the emulator refuses with a 4xx and a JSON error body (spec §3.6); thrown by handlers. */
final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int internalCode;

    /** A refusal whose {@code internalCode} is the status itself. */
    Rejection(int status, String message) {
        this(status, status, message);
    }

    Rejection(int status, int internalCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.internalCode = internalCode;
    }

    int status() {
        return status;
    }

    int internalCode() {
        return internalCode;
    }
}
