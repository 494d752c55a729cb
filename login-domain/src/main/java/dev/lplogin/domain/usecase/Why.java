package dev.lplogin.domain.usecase;

import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Instant;
import java.util.Optional;

/** Why a caller gets no session, or why a refresh did not happen. */
sealed interface Why {

    /** The core refuses for a reason of its own (not logged in, rejected, blocked, rate-limited, backing off). */
    record Refused(Reason reason, String message, Optional<Instant> nextAttempt) implements Why {
    }

    /** A port failed; {@code nextAttempt} when the core tries again by itself, if it will. */
    record Outage(InfrastructureException failure, Optional<Instant> nextAttempt) implements Why {
    }
}
