package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The lease rules both stores share: how a lease is granted and when it stops keeping others out. */
final class Leases {

    private Leases() {
    }

    /** A new lease on {@code key} from {@code now} for {@code ttl}, with a random holder token. */
    static Lease grant(SessionKey key, Duration ttl, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease ttl must be positive, got " + ttl);
        }
        return new Lease(key, UUID.randomUUID().toString(), now.plus(ttl));
    }

    /** Whether a lease that lapses at {@code expiresAt} still keeps others out at {@code now}. */
    static boolean holds(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt);
    }
}
