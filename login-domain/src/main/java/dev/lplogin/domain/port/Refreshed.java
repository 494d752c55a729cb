package dev.lplogin.domain.port;

import dev.lplogin.domain.model.Session;
import java.util.Objects;

/**
 * The service confirmed the session alive (200 on refresh, spec §3.2).
 *
 * @param session the session confirmed now, with any re-set cookie replacing the old one; same version as given
 */
public record Refreshed(Session session) implements RefreshOutcome {
    public Refreshed {
        Objects.requireNonNull(session, "session");
    }
}
