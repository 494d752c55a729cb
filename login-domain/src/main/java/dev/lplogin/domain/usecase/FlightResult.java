package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.LoginOutcome;
import java.util.Optional;

/** What a flight came to. */
sealed interface FlightResult {

    /** A session callers may use. */
    record Usable(Session session) implements FlightResult {
    }

    /** A refresh failed while the session stays valid: {@code bearer()} uses it, {@code refresh()} reports why. */
    record NotRefreshed(Session session, Why why) implements FlightResult {
    }

    /** No usable session. */
    record Unavailable(Why why) implements FlightResult {
    }

    /** The answer to an explicit login. */
    record LoginAnswer(LoginOutcome outcome) implements FlightResult {
    }

    /** A logout: whether there was a session, and the first logout that could not reach the service. */
    record LoggedOut(boolean hadSession, Optional<InfrastructureException> failure) implements FlightResult {
    }
}
