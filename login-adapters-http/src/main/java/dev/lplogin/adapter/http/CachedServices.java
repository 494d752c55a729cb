package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One account's service hosts as the Domain API last gave them. Hosts are kept as given ({@code baseURI}) and
 * validated only when used, so one broken entry spoils only the lookups of its own service.
 *
 * @param fetchedAt when the answer arrived (or was seeded from a login answer)
 */
record CachedServices(Map<ServiceName, String> baseUris, Instant fetchedAt) {

    CachedServices {
        baseUris = Map.copyOf(baseUris);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** Younger than {@code ttl}: used without asking the Domain API. */
    boolean freshAt(Instant now, Duration ttl) {
        return now.isBefore(fetchedAt.plus(ttl));
    }

    /** Younger than {@code staleIfErrorFor}: still used, with a warning, while the Domain API is failing. */
    boolean usableWhileFailingAt(Instant now, Duration staleIfErrorFor) {
        return now.isBefore(fetchedAt.plus(staleIfErrorFor));
    }

    /** These services plus {@code more}, which win, stamped {@code at}. */
    CachedServices with(Map<ServiceName, String> more, Instant at) {
        Map<ServiceName, String> merged = new HashMap<>(baseUris);
        merged.putAll(more);
        return new CachedServices(merged, at);
    }
}
