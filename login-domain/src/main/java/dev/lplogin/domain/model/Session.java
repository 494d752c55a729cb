package dev.lplogin.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An established Login Service session (spec §3.1): the bearer other LivePerson APIs take, the csrf token and
 * cookies that refresh and logout need, and the timestamps the lifecycle uses to decide whether it is fresh.
 *
 * <p>Immutable; every change returns a new {@code Session}. {@code toString()} shows no secret because the bearer,
 * csrf and cookie values are {@link Secret}s.
 *
 * @param key             which account and user this session belongs to
 * @param loginHost       the Login Service host that issued it; refresh and logout go there, and cookies are sent
 *                        back only there
 * @param bearer          the token for {@code Authorization: Bearer …}
 * @param csrf            the csrf token refresh and logout send back
 * @param cookies         the cookies login and refresh set, at most one per name (the newest wins)
 * @param userId          {@code config.userId} of the login answer (required, spec §3.1)
 * @param userPid         {@code config.userPid}, when the answer carried one
 * @param issuedAt        when the login answer arrived
 * @param lastConfirmedAt when the service last confirmed the session alive (login or successful refresh)
 * @param maxLifetime     {@code sessionTTl}: the session's maximum age from login, when known (spec §3.1 decision)
 * @param version         the store's version of this session; {@code 0} until first saved (compare-and-set)
 */
public record Session(
        SessionKey key,
        ServiceHost loginHost,
        Secret bearer,
        Secret csrf,
        List<SessionCookie> cookies,
        String userId,
        Optional<String> userPid,
        Instant issuedAt,
        Instant lastConfirmedAt,
        Optional<Duration> maxLifetime,
        long version) {

    public Session {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loginHost, "login host");
        Objects.requireNonNull(bearer, "bearer");
        Objects.requireNonNull(csrf, "csrf");
        cookies = List.copyOf(mergeByName(List.of(), Objects.requireNonNull(cookies, "cookies")));
        Validation.text(userId, "user id", 256);
        Objects.requireNonNull(userPid, "user pid (use Optional.empty())");
        Objects.requireNonNull(issuedAt, "issued at");
        Objects.requireNonNull(lastConfirmedAt, "last confirmed at");
        Objects.requireNonNull(maxLifetime, "max lifetime (use Optional.empty())");
        if (lastConfirmedAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("a session cannot be confirmed before it was issued");
        }
        maxLifetime.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("max lifetime must be positive, got " + d);
            }
        });
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
    }

    /** When the session dies of old age regardless of refreshes ({@code issuedAt + maxLifetime}), if known. */
    public Optional<Instant> expiresAt() {
        return maxLifetime.map(issuedAt::plus);
    }

    /**
     * The session as the service confirmed it alive at {@code at}; {@code setCookies} (possibly empty) replace cookies
     * of the same name, keeping the newest (spec §3.2).
     */
    public Session confirmedAt(Instant at, List<SessionCookie> setCookies) {
        Objects.requireNonNull(at, "at");
        Instant confirmed = at.isAfter(lastConfirmedAt) ? at : lastConfirmedAt;
        return new Session(key, loginHost, bearer, csrf, mergeByName(cookies, setCookies), userId, userPid, issuedAt,
                confirmed, maxLifetime, version);
    }

    /** The same session at another store version. */
    public Session withVersion(long newVersion) {
        return new Session(key, loginHost, bearer, csrf, cookies, userId, userPid, issuedAt, lastConfirmedAt,
                maxLifetime, newVersion);
    }

    /**
     * How usable this session is at {@code now}, computed — never guessed — from its timestamps (spec §3.2, §3.5).
     *
     * @param refreshAfter how long a confirmation keeps the session {@link Freshness#FRESH}
     * @param idleTimeout  how long after the last confirmation the service is assumed to have dropped it
     */
    public Freshness freshnessAt(Instant now, Duration refreshAfter, Duration idleTimeout) {
        boolean tooOld = expiresAt().map(end -> !now.isBefore(end)).orElse(false);
        if (tooOld || !now.isBefore(lastConfirmedAt.plus(idleTimeout))) {
            return Freshness.EXPIRED;
        }
        return now.isBefore(lastConfirmedAt.plus(refreshAfter)) ? Freshness.FRESH : Freshness.STALE;
    }

    private static List<SessionCookie> mergeByName(List<SessionCookie> old, List<SessionCookie> newer) {
        Map<String, SessionCookie> byName = new LinkedHashMap<>();
        for (SessionCookie c : old) {
            byName.put(c.name(), c);
        }
        for (SessionCookie c : newer) {
            byName.put(Objects.requireNonNull(c, "cookie").name(), c);
        }
        return new ArrayList<>(byName.values());
    }
}
