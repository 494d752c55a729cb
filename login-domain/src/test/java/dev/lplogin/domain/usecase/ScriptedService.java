package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Login Service as every process of a {@link History} sees it: one live session per user (a login kills the
 * one before, as LivePerson does), sessions die {@link #IDLE} after their last confirmation or at their maximum
 * lifetime, and it knows the truth about every bearer it ever issued — which the history's invariants compare with
 * what the processes hand out. Each session's user id names the process that logged it in and a serial number, so
 * that a trace and {@code LoginUseCase.session} tell sessions apart.
 */
final class ScriptedService {

    /** As the core's default idle timeout: the service drops a session this long after its last confirmation. */
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAX_LIFETIME = Duration.ofHours(8);
    static final ServiceHost HOST = FakeDomainLookup.LOGIN_HOST;

    private final FakeClock clock;
    private final Map<SessionKey, Secret> live = new HashMap<>();
    private final Map<Secret, Session> issued = new HashMap<>();
    private final Map<Secret, Instant> touched = new HashMap<>();
    private int serial;

    ScriptedService(FakeClock clock) {
        this.clock = clock;
    }

    /** A new live session of {@code key} logged in by {@code by}, killing the one before. */
    synchronized Session issue(SessionKey key, String by) {
        int n = ++serial;
        Instant now = clock.instant();
        Session session = new Session(key, HOST, Secret.of(by + "-bearer-" + n), Secret.of("csrf-" + n),
                List.of(new SessionCookie("Session_id", Secret.of("cookie-" + n))), by + n, Optional.empty(), now,
                now, Optional.of(MAX_LIFETIME), 0);
        live.put(key, session.bearer());
        issued.put(session.bearer(), session);
        touched.put(session.bearer(), now);
        return session;
    }

    /** Whether the service still accepts {@code bearer}. */
    synchronized boolean alive(Secret bearer) {
        Session session = issued.get(bearer);
        return session != null && bearer.equals(live.get(session.key()))
                && clock.instant().isBefore(deadline(bearer));
    }

    /** A refresh of {@code bearer}: confirmed if alive. */
    synchronized boolean confirm(Secret bearer) {
        if (!alive(bearer)) {
            return false;
        }
        touched.put(bearer, clock.instant());
        return true;
    }

    /** The service drops {@code bearer} (idle on its side, a logout elsewhere, an administrator). */
    synchronized void drop(Secret bearer) {
        Session session = issued.get(bearer);
        if (session != null) {
            live.remove(session.key(), bearer);
        }
    }

    /** The service drops the live session of {@code key}, if any. */
    synchronized void dropLive(SessionKey key) {
        live.remove(key);
    }

    synchronized Optional<Secret> live(SessionKey key) {
        return Optional.ofNullable(live.get(key));
    }

    /** The session the service issued with {@code bearer}, if it did. */
    synchronized Optional<Session> issued(Secret bearer) {
        return Optional.ofNullable(issued.get(bearer));
    }

    /** The moment {@code bearer} dies at the latest: idle timeout after its last confirmation, or its lifetime. */
    synchronized Instant deadline(Secret bearer) {
        Session session = issued.get(bearer);
        Instant idle = touched.get(bearer).plus(IDLE);
        Instant end = session.issuedAt().plus(MAX_LIFETIME);
        return idle.isBefore(end) ? idle : end;
    }

    /** A name for {@code bearer} that a trace may show: the user id of its session. */
    synchronized String name(Secret bearer) {
        Session session = issued.get(bearer);
        return session == null ? "an unknown bearer" : session.userId();
    }
}
