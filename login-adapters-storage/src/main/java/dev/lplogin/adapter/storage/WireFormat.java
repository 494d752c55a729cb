package dev.lplogin.adapter.storage;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of {@link FileTokenStore}'s files, format {@value #FORMAT}: one record per JSON object, each with its
 * members ({@code members()}, null = absent) and its reading ({@code from}, through {@link RecordJson}). Member names
 * are the record components' names, as Yasson wrote them when it bound these records. Reading fails with
 * {@link IllegalArgumentException} when a member has the wrong JSON type; missing members are null and unknown ones
 * are ignored, so a file of an older or newer minor revision of the format still opens.
 */
final class WireFormat {

    /** The format this code writes and reads; a file with a higher one was written by a newer lp-login. */
    static final int FORMAT = 1;

    private WireFormat() {
    }

    /**
     * One session file. The key is always in clear (it is not a secret and names the file), and so is the Domain API
     * base the session was obtained through when the store is tied to one (absent otherwise); the session is either
     * in {@code session} (plaintext) or sealed in {@code ciphertext} with {@code iv} under the key {@code keyId}.
     */
    record EnvelopeJson(Integer format, String account, String loginName, String domainApi, Boolean encrypted,
                        SessionJson session, String keyId, String iv, String ciphertext) {

        Map<String, Object> members() {
            Map<String, Object> m = new HashMap<>();
            m.put("format", format);
            m.put("account", account);
            m.put("loginName", loginName);
            m.put("domainApi", domainApi);
            m.put("encrypted", encrypted);
            m.put("session", session == null ? null : session.members());
            m.put("keyId", keyId);
            m.put("iv", iv);
            m.put("ciphertext", ciphertext);
            return m;
        }

        static EnvelopeJson from(Map<String, Object> m) {
            Long format = RecordJson.integer(m, "format");
            Map<String, Object> session = RecordJson.object(m, "session");
            return new EnvelopeJson(format == null ? null : Math.toIntExact(format), RecordJson.string(m, "account"),
                    RecordJson.string(m, "loginName"), RecordJson.string(m, "domainApi"), RecordJson.bool(m, "encrypted"),
                    session == null ? null : SessionJson.from(session), RecordJson.string(m, "keyId"),
                    RecordJson.string(m, "iv"), RecordJson.string(m, "ciphertext"));
        }
    }

    /** A session without its key; instants and durations in ISO-8601, absent optionals as missing fields. */
    record SessionJson(String loginHost, String bearer, String csrf, List<CookieJson> cookies, String userId,
                       String userPid, String issuedAt, String lastConfirmedAt, String maxLifetime, Long version) {

        Map<String, Object> members() {
            Map<String, Object> m = new HashMap<>();
            m.put("loginHost", loginHost);
            m.put("bearer", bearer);
            m.put("csrf", csrf);
            m.put("cookies", cookies == null ? null : cookies.stream().map(CookieJson::members).toList());
            m.put("userId", userId);
            m.put("userPid", userPid);
            m.put("issuedAt", issuedAt);
            m.put("lastConfirmedAt", lastConfirmedAt);
            m.put("maxLifetime", maxLifetime);
            m.put("version", version);
            return m;
        }

        @SuppressWarnings("unchecked")
        static SessionJson from(Map<String, Object> m) {
            List<Object> cookies = RecordJson.array(m, "cookies");
            List<CookieJson> parsed = null;
            if (cookies != null) {
                parsed = new ArrayList<>(cookies.size());
                for (Object cookie : cookies) {
                    if (!(cookie instanceof Map<?, ?> map)) {
                        throw new IllegalArgumentException("a cookie is not a JSON object");
                    }
                    parsed.add(CookieJson.from((Map<String, Object>) map));
                }
            }
            return new SessionJson(RecordJson.string(m, "loginHost"), RecordJson.string(m, "bearer"),
                    RecordJson.string(m, "csrf"), parsed, RecordJson.string(m, "userId"),
                    RecordJson.string(m, "userPid"), RecordJson.string(m, "issuedAt"),
                    RecordJson.string(m, "lastConfirmedAt"), RecordJson.string(m, "maxLifetime"),
                    RecordJson.integer(m, "version"));
        }

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
    record CookieJson(String name, String value) {

        Map<String, Object> members() {
            Map<String, Object> m = new HashMap<>();
            m.put("name", name);
            m.put("value", value);
            return m;
        }

        static CookieJson from(Map<String, Object> m) {
            return new CookieJson(RecordJson.string(m, "name"), RecordJson.string(m, "value"));
        }
    }

    /**
     * One lease file: who holds the lease, its fence, until when, whether it was released (the file stays after
     * release so that fences never go backwards) and whether its holder keeps the {@code .held} file locked (only then
     * does an unlocked {@code .held} file mean the holder died). Holds no secret, so it is never encrypted. Files
     * written before fencing have no {@code fence} (read as 1), {@code released} or {@code watched}.
     */
    record LeaseJson(Integer format, String token, Long fence, String expiresAt, Boolean released,
            Boolean watched) {

        Map<String, Object> members() {
            Map<String, Object> m = new HashMap<>();
            m.put("format", format);
            m.put("token", token);
            m.put("fence", fence);
            m.put("expiresAt", expiresAt);
            m.put("released", released);
            m.put("watched", watched);
            return m;
        }

        static LeaseJson from(Map<String, Object> m) {
            Long format = RecordJson.integer(m, "format");
            return new LeaseJson(format == null ? null : Math.toIntExact(format), RecordJson.string(m, "token"),
                    RecordJson.integer(m, "fence"), RecordJson.string(m, "expiresAt"), RecordJson.bool(m, "released"),
                    RecordJson.bool(m, "watched"));
        }
    }
}
