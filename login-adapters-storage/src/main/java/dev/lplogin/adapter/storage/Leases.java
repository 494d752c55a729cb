package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The lease rules both stores share: how a lease is granted, renewed and fenced, and when it keeps others out. */
final class Leases {

    private Leases() {
    }

    /**
     * The latest lease granted on a key and whether it is still held. A store keeps it after release (inactive) so
     * that the next grant's fence is larger than every earlier one.
     */
    record Grant(Lease lease, boolean active) {

        /** Whether this grant keeps others out at {@code now}. */
        boolean heldAt(Instant now) {
            return active && holds(lease.expiresAt(), now);
        }

        /** Whether {@code other} is this grant, still held at {@code now}: what renewal requires. */
        boolean isHeldAs(Lease other, Instant now) {
            return heldAt(now) && lease.token().equals(other.token()) && lease.fence() == other.fence();
        }
    }

    /** A new lease on {@code key} from {@code now} for {@code ttl}, fenced above {@code lastFence}. */
    static Lease grant(SessionKey key, Duration ttl, Instant now, long lastFence) {
        Objects.requireNonNull(key, "key");
        return new Lease(key, UUID.randomUUID().toString(), lastFence + 1, now.plus(requirePositive(ttl)));
    }

    /** Whether a lease that lapses at {@code expiresAt} still keeps others out at {@code now}. */
    static boolean holds(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether a save under {@code lease} must be refused because a later lease was granted (fence {@code latest}). */
    static boolean superseded(Lease lease, long latestFence) {
        return latestFence > lease.fence();
    }

    /** Rejects a fenced save whose lease covers another key (a caller bug, not a race). */
    static void requireSameKey(Session session, Lease lease) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lease, "lease");
        if (!lease.key().equals(session.key())) {
            throw new IllegalArgumentException("a save of " + session.key() + " cannot be fenced by a lease on "
                    + lease.key());
        }
    }

    static Duration requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease ttl must be positive, got " + ttl);
        }
        return ttl;
    }
}
