package dev.lplogin.app.cli;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.RequestRejectedException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.usecase.SessionUnavailableException;

/** Maps everything a command can fail with to an exit code and a message that says what to do (docs/cli.md). */
final class Failures {

    private Failures() {
    }

    /** The shown form of {@code failure}; unknown failures become {@link ExitCode#FAILURE}. */
    static CliException translate(Throwable failure) {
        return switch (failure) {
            case CliException e -> e;
            case SessionUnavailableException e -> sessionUnavailable(e);
            case InfrastructureException e -> infrastructure(e);
            // Thrown by the domain's validating constructors (e.g. an account id with '/'): bad input.
            case IllegalArgumentException e -> new CliException(ExitCode.USAGE, e.getMessage(),
                    "see 'lp-login --help'", e);
            // A bug, most likely. The class name and the stack trace are for --verbose; users read the message.
            default -> new CliException(ExitCode.FAILURE, "unexpected error"
                    + (failure.getMessage() == null || failure.getMessage().isBlank() ? " (no details)"
                            : ": " + failure.getMessage()),
                    "run again with --verbose for details, and report it if it persists", failure);
        };
    }

    /** The login was refused (credentials or blocked) or rate limited. */
    static CliException rejected(SessionKey key, CredentialsRejected outcome) {
        return new CliException(ExitCode.CREDENTIALS_REJECTED, "login of " + key + " rejected: wrong user name, "
                + "password or secret" + detail(outcome.detail()),
                "check the credentials (LP_PASSWORD, LP_CLIENT_ID/LP_CLIENT_SECRET, ...) and the account id");
    }

    static CliException blocked(SessionKey key, Blocked outcome) {
        return new CliException(ExitCode.BLOCKED, "login of " + key + " blocked by LivePerson (HTTP 451)"
                + detail(outcome.detail()), "do not retry: contact LivePerson support to unblock the account or user");
    }

    static CliException rateLimited(SessionKey key, RateLimited outcome) {
        // LivePerson may also answer a second login of a user whose session is live elsewhere with 429
        // (docs/protocol.md §3.5): sharing that session's store is the lasting fix.
        return new CliException(ExitCode.RATE_LIMITED, "too many logins for " + key + " (HTTP 429)",
                "wait at least " + Formats.duration(outcome.retryAfter()) + " before trying again; if another "
                        + "process is logged in as this user, share its session store (LP_STORE) instead");
    }

    private static CliException sessionUnavailable(SessionUnavailableException e) {
        if (e.getCause() instanceof DomainNotFoundException unknownAccount) {
            return infrastructure(unknownAccount); // bad input, whichever command ran into it
        }
        if (e.getCause() instanceof StoreException store && !store.retryable()) {
            return infrastructure(store); // a stored session that cannot be opened: the store's message says the fix
        }
        String message = withCause(e);
        return switch (e.reason()) {
            case NOT_LOGGED_IN -> new CliException(ExitCode.NOT_LOGGED_IN, message,
                    "log in with 'lp-login login --account " + e.key().account() + " --user "
                            + e.key().loginName() + "', or set credentials in the environment (LP_PASSWORD, ...)", e);
            case CREDENTIALS_REJECTED -> new CliException(ExitCode.CREDENTIALS_REJECTED, message,
                    "check the credentials and the account id", e);
            case BLOCKED -> new CliException(ExitCode.BLOCKED, message,
                    "do not retry: contact LivePerson support", e);
            case RATE_LIMITED -> new CliException(ExitCode.RATE_LIMITED, message,
                    "wait a little before trying again", e);
            case UNAVAILABLE -> new CliException(ExitCode.UNAVAILABLE, message,
                    e.getCause() instanceof InfrastructureException cause ? unreachable(cause.operation())
                            : "check the network, then try again", e);
        };
    }

    private static CliException infrastructure(InfrastructureException e) {
        // The message starts with the step ("domain lookup: ...", spec §1), which is what the user needs to know.
        return switch (e) {
            case ServiceUnavailableException u when u.operation() == Operation.API_CALL -> new CliException(
                    ExitCode.UNAVAILABLE, "service unavailable during " + u.getMessage(), "check the network and the "
                            + "service's host ('lp-login domain --service NAME', or --service-host), then try again", e);
            case ServiceUnavailableException u -> new CliException(ExitCode.UNAVAILABLE,
                    "service unavailable during " + u.getMessage(), unreachable(u.operation()), e);
            case DomainNotFoundException d -> new CliException(ExitCode.USAGE, d.getMessage(),
                    "is the account id right? 'lp-login domain --account ID --all' lists what the Domain API knows", e);
            // unreachable (a Redis that is down): one line, the message names the store and what failed
            case StoreException s when s.retryable() -> new CliException(ExitCode.UNAVAILABLE, s.getMessage(), null, e);
            // a person must act (a key, permissions, a refused Redis): the store's message names the fix
            case StoreException s -> new CliException(ExitCode.STORE_UNUSABLE, s.getMessage(), null, e);
            case RequestRejectedException r -> new CliException(ExitCode.FAILURE,
                    "the service refused the request during " + r.getMessage(),
                    "this is likely a bug in lp-login or a changed service; run with --verbose and report it", e);
            case ProtocolViolationException p -> new CliException(ExitCode.FAILURE,
                    "unusable answer during " + p.getMessage(),
                    "check --csds points at a LivePerson Domain API; run with --verbose for details", e);
        };
    }

    /**
     * What to check when {@code step} could not reach its service: the Domain API address only for the domain lookup;
     * a login, refresh or logout goes to the login host the Domain API named (the message names it).
     */
    private static String unreachable(Operation step) {
        return switch (step) {
            case DOMAIN_LOOKUP -> "check the network and the Domain API URL (--csds / LP_CSDS), then try again";
            case LOGIN, REFRESH, LOGOUT -> "the Login Service at the host named above is unreachable or "
                    + "unavailable; check the network to it, then try again later";
            default -> "check the network, then try again";
        };
    }

    /** The exception's message, plus its infrastructure cause when that names a step the message does not. */
    private static String withCause(SessionUnavailableException e) {
        if (e.getCause() instanceof InfrastructureException cause
                && !e.getMessage().contains(cause.operation().label())) {
            return e.getMessage() + " (" + cause.getMessage() + ")";
        }
        return e.getMessage();
    }

    private static String detail(String detail) {
        return detail.isBlank() ? "" : " (service said: " + detail + ")";
    }
}
