package dev.lplogin.domain.port;

import dev.lplogin.domain.model.SessionKey;
import java.time.Instant;
import java.util.Objects;

/**
 * An exclusive, short-lived right to log in or refresh one key (see {@link TokenStore#tryLease}).
 *
 * @param key       the key it covers
 * @param token     an opaque holder token, unique per grant; not a secret of the Login Service
 * @param expiresAt when the lease lapses by itself if not released
 */
public record Lease(SessionKey key, String token, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expires at");
    }
}
