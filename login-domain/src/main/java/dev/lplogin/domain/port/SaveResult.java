package dev.lplogin.domain.port;

import dev.lplogin.domain.model.Session;
import java.util.Objects;
import java.util.Optional;

/** What a compare-and-set {@link TokenStore#save} came to. */
public sealed interface SaveResult {

    /** @param session the session as stored, at its new version */
    record Saved(Session session) implements SaveResult {
        public Saved {
            Objects.requireNonNull(session, "session");
        }
    }

    /** @param current what is stored now (empty if nothing); the caller's view was out of date */
    record Conflict(Optional<Session> current) implements SaveResult {
        public Conflict {
            Objects.requireNonNull(current, "current");
        }
    }
}
