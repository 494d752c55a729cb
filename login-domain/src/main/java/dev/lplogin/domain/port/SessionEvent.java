package dev.lplogin.domain.port;

import dev.lplogin.domain.model.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A state change of one session, announced to {@link SessionListener}s. No case carries a secret. */
public sealed interface SessionEvent {

    /** The session concerned. */
    SessionKey key();

    /** When it happened, by the core's clock. */
    Instant at();

    /** A login succeeded; {@code relogin} tells whether it replaced a session that had died. */
    record LoggedIn(SessionKey key, Instant at, boolean relogin) implements SessionEvent {
        public LoggedIn {
            requireKeyAndTime(key, at);
        }
    }

    /** A session saved by another process (or an earlier run) was picked up from the store instead of logging in. */
    record ReusedStored(SessionKey key, Instant at) implements SessionEvent {
        public ReusedStored {
            requireKeyAndTime(key, at);
        }
    }

    /** The service confirmed the session alive. */
    record Refreshed(SessionKey key, Instant at) implements SessionEvent {
        public Refreshed {
            requireKeyAndTime(key, at);
        }
    }

    /** A refresh failed; the bearer stays in use if it is still valid. */
    record RefreshFailed(SessionKey key, Instant at, String reason) implements SessionEvent {
        public RefreshFailed {
            requireKeyAndTime(key, at);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The session was logged out (by a caller or on close). */
    record LoggedOut(SessionKey key, Instant at) implements SessionEvent {
        public LoggedOut {
            requireKeyAndTime(key, at);
        }
    }

    /**
     * The core stopped trying for this key (rejected credentials, blocked) or backs off until {@code nextAttempt}.
     */
    record GaveUp(SessionKey key, Instant at, String reason) implements SessionEvent {
        public GaveUp {
            requireKeyAndTime(key, at);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Fresh sessions of this key keep being killed shortly after login — most likely another process logs in as the
     * same user. {@code advice} says what to do (share one store between the processes).
     */
    record CompetingLogin(SessionKey key, Instant at, int killedRecently, String advice) implements SessionEvent {
        public CompetingLogin {
            requireKeyAndTime(key, at);
            Objects.requireNonNull(advice, "advice");
        }
    }

    /**
     * A caller of {@code bearer()} found no usable session and waited {@code waited} for a login or refresh of this
     * key (its own, or one already in flight that it joined), whatever came of it. One event per waiting caller; never
     * emitted for a fresh bearer, which does not wait.
     */
    record Waited(SessionKey key, Instant at, Duration waited) implements SessionEvent {
        public Waited {
            requireKeyAndTime(key, at);
            Objects.requireNonNull(waited, "waited");
        }
    }

    private static void requireKeyAndTime(SessionKey key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
    }
}
