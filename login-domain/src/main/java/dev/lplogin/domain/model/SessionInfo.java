package dev.lplogin.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be shown about a session: everything but its secrets. Safe to print, log and serialise.
 *
 * @param key             account and user
 * @param loginHost       the Login Service host that issued it
 * @param userId          LivePerson's user id
 * @param issuedAt        login time
 * @param lastConfirmedAt last login or successful refresh
 * @param maxLifetime     {@code sessionTTl}, when known
 * @param freshness       its state when this view was taken
 */
public record SessionInfo(
        SessionKey key,
        ServiceHost loginHost,
        String userId,
        Instant issuedAt,
        Instant lastConfirmedAt,
        Optional<Duration> maxLifetime,
        Freshness freshness) {

    public SessionInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loginHost, "login host");
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(issuedAt, "issued at");
        Objects.requireNonNull(lastConfirmedAt, "last confirmed at");
        Objects.requireNonNull(maxLifetime, "max lifetime");
        Objects.requireNonNull(freshness, "freshness");
    }

    /** The secret-free view of {@code session} in state {@code freshness}. */
    public static SessionInfo of(Session session, Freshness freshness) {
        return new SessionInfo(session.key(), session.loginHost(), session.userId(), session.issuedAt(),
                session.lastConfirmedAt(), session.maxLifetime(), freshness);
    }
}
