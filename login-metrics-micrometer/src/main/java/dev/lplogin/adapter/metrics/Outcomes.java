package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.LogoutOutcome;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.RequestRejectedException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.SessionGone;
import dev.lplogin.domain.port.StoreException;

/**
 * The {@code outcome} tag values: a small fixed set per port, so that no label ever grows with the traffic. Exhaustive
 * switches over the sealed outcome types make a new outcome a compile error here rather than a silent "other".
 */
final class Outcomes {

    static final String SUCCESS = "success";

    private Outcomes() {
    }

    static String of(LoginOutcome outcome) {
        return switch (outcome) {
            case LoggedIn in -> SUCCESS;
            case CredentialsRejected rejected -> "rejected";
            case Blocked blocked -> "blocked";
            case RateLimited limited -> "rate_limited";
        };
    }

    static String of(RefreshOutcome outcome) {
        return switch (outcome) {
            case Refreshed refreshed -> SUCCESS;
            case SessionGone gone -> "session_gone";
            case Blocked blocked -> "blocked";
            case RateLimited limited -> "rate_limited";
        };
    }

    static String of(LogoutOutcome outcome) {
        return switch (outcome) {
            case LOGGED_OUT -> SUCCESS;
            case ALREADY_GONE -> "already_gone";
        };
    }

    /** A failure thrown by a port, by kind (never its message: messages carry account ids and hosts). */
    static String of(Throwable failure) {
        return switch (failure) {
            case ServiceUnavailableException e -> "unavailable";
            case ProtocolViolationException e -> "protocol_violation";
            case RequestRejectedException e -> "request_rejected";
            case DomainNotFoundException e -> "not_found";
            case StoreException e -> "store_error";
            default -> "error";
        };
    }
}
