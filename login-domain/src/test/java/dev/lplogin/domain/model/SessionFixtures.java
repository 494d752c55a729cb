package dev.lplogin.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Valid sample values for tests of the model and the ports; each test changes only what it is about. */
public final class SessionFixtures {

    /** Login time of {@link #session()}. */
    public static final Instant ISSUED_AT = Instant.parse("2026-01-15T10:00:00Z");

    public static final SessionKey KEY = SessionKey.of("12345678", "demo");

    public static final ServiceHost LOGIN_HOST = ServiceHost.of("va.agentvep.liveperson.net");

    private SessionFixtures() {
    }

    /** A session issued and confirmed at {@link #ISSUED_AT}, with one cookie, no known max lifetime, version 0. */
    public static Session session() {
        return session(Secret.of("bearer-value"), Secret.of("csrf-value"),
                List.of(new SessionCookie("Session_id", Secret.of("cookie-value"))));
    }

    /** Like {@link #session()} with the given secrets. */
    public static Session session(Secret bearer, Secret csrf, List<SessionCookie> cookies) {
        return new Session(KEY, LOGIN_HOST, bearer, csrf, cookies, "3705342610", Optional.of("pid-1"), ISSUED_AT,
                ISSUED_AT, Optional.empty(), 0);
    }

    /** Like {@link #session()}, confirmed at {@code lastConfirmedAt}, with {@code maxLifetime}. */
    public static Session session(Instant lastConfirmedAt, Optional<Duration> maxLifetime) {
        Session s = session();
        return new Session(s.key(), s.loginHost(), s.bearer(), s.csrf(), s.cookies(), s.userId(), s.userPid(),
                s.issuedAt(), lastConfirmedAt, maxLifetime, s.version());
    }

    public static SessionCookie cookie(String name, String value) {
        return new SessionCookie(name, Secret.of(value));
    }
}
