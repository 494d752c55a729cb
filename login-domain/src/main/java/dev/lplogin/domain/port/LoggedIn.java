package dev.lplogin.domain.port;

import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import java.util.Map;
import java.util.Objects;

/**
 * The login succeeded.
 *
 * @param session  the new session, at version 0 (not yet stored)
 * @param services the Domain API entries the answer carried ({@code csdsCollectionResponse}, spec §3.1), possibly
 *                 empty; the core seeds its {@link DomainLookup} with them
 */
public record LoggedIn(Session session, Map<ServiceName, ServiceHost> services) implements LoginOutcome {
    public LoggedIn {
        Objects.requireNonNull(session, "session");
        services = Map.copyOf(Objects.requireNonNull(services, "services"));
    }
}
