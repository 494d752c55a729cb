package dev.lplogin.app.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure ready to be shown: the exit code, one line saying what went wrong and, optionally, one saying what to do.
 * Never contains a secret.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final transient String hint;

    CliException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exit code");
        this.hint = hint;
    }

    CliException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    static CliException usage(String message, String hint) {
        return new CliException(ExitCode.USAGE, message, hint);
    }

    ExitCode exitCode() {
        return exitCode;
    }

    /** What to do about it, if there is something to say. */
    Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
