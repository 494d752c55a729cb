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

    /**
     * A save under a lease that has since been granted to another holder: refused, nothing changed. The caller's
     * work is superseded; it should use {@code current} (if live) rather than its own result, which a newer login may
     * already have killed.
     *
     * @param current what is stored now (empty if nothing)
     */
    record Fenced(Optional<Session> current) implements SaveResult {
        public Fenced {
            Objects.requireNonNull(current, "current");
        }
    }
}
