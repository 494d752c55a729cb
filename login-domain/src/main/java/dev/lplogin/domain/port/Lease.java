package dev.lplogin.domain.port;

import dev.lplogin.domain.model.SessionKey;
import java.time.Instant;
import java.util.Objects;

/**
 * An exclusive, short-lived right to log in or refresh one key (see {@link TokenStore#tryLease}), renewed by its
 * holder while it works ({@link TokenStore#renew}).
 *
 * @param key       the key it covers
 * @param token     an opaque holder token, unique per grant; not a secret of the Login Service
 * @param fence     the fencing token: strictly increasing over all grants the store ever made for {@code key}, so a
 *                  save made under this lease can be refused once a later lease exists ({@link SaveResult.Fenced})
 * @param expiresAt when the lease lapses by itself if neither renewed nor released
 */
public record Lease(SessionKey key, String token, long fence, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expires at");
        if (fence <= 0) {
            throw new IllegalArgumentException("a lease's fence must be positive, got " + fence);
        }
    }

    /** This lease with another expiry (what a renewal returns): same holder, same fence. */
    public Lease withExpiry(Instant newExpiry) {
        return new Lease(key, token, fence, newExpiry);
    }
}
