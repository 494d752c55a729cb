package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Session;
import java.util.Objects;
import java.util.Optional;

/**
 * What one flight for a key came to: a session callers may use, and — when it was a refresh that failed while the
 * session stayed valid — that failure, which {@code bearer()} ignores but an explicit {@code refresh()} reports.
 */
record Settled(Session session, Optional<RuntimeException> refreshFailure) {

    Settled {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(refreshFailure, "refresh failure");
    }

    static Settled ok(Session session) {
        return new Settled(session, Optional.empty());
    }
}
