package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@link FileTokenStore}'s files, format {@value #FORMAT}. The records are declared {@code public} only
 * because Yasson reads them through a public lookup; this package-private holder keeps them out of the API.
 */
final class WireFormat {

    /** The format this code writes and reads; a file with a higher one was written by a newer lp-login. */
    static final int FORMAT = 1;

    private WireFormat() {
    }

    /**
     * One session file. The key is always in clear (it is not a secret and names the file); the session is either
     * in {@code session} (plaintext) or sealed in {@code ciphertext} with {@code iv} under the key {@code keyId}.
     */
    public record EnvelopeJson(Integer format, String account, String loginName, Boolean encrypted,
                               SessionJson session, String keyId, String iv, String ciphertext) {
    }

    /** A session without its key; instants and durations in ISO-8601, absent optionals as missing fields. */
    public record SessionJson(String loginHost, String bearer, String csrf, List<CookieJson> cookies, String userId,
                              String userPid, String issuedAt, String lastConfirmedAt, String maxLifetime,
                              Long version) {

        static SessionJson of(Session session) {
            return new SessionJson(
                    session.loginHost().value(),
                    session.bearer().reveal(),
                    session.csrf().reveal(),
                    session.cookies().stream().map(c -> new CookieJson(c.name(), c.value().reveal())).toList(),
                    session.userId(),
                    session.userPid().orElse(null),
                    session.issuedAt().toString(),
                    session.lastConfirmedAt().toString(),
                    session.maxLifetime().map(Duration::toString).orElse(null),
                    session.version());
        }

        /** @throws RuntimeException (NPE, IllegalArgumentException, DateTimeParseException) if a field is bad */
        Session toSession(SessionKey key) {
            return new Session(
                    key,
                    ServiceHost.of(loginHost),
                    Secret.of(bearer),
                    Secret.of(csrf),
                    cookies.stream().map(c -> new SessionCookie(c.name(), Secret.of(c.value()))).toList(),
                    userId,
                    Optional.ofNullable(userPid),
                    Instant.parse(issuedAt),
                    Instant.parse(lastConfirmedAt),
                    Optional.ofNullable(maxLifetime).map(Duration::parse),
                    version);
        }
    }

    /** One cookie; the value is a secret, so it is encrypted with the session when a key is configured. */
    public record CookieJson(String name, String value) {
    }

    /**
     * One lease file: who holds the lease, its fence, until when, whether it was released (the file stays after
     * release so that fences never go backwards) and whether its holder keeps the {@code .held} file locked (only then
     * does an unlocked {@code .held} file mean the holder died). Holds no secret, so it is never encrypted. Files
     * written before fencing have no {@code fence} (read as 1), {@code released} or {@code watched}.
     */
    public record LeaseJson(Integer format, String token, Long fence, String expiresAt, Boolean released,
            Boolean watched) {
    }
}
