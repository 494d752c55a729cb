package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Session;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the core knows about one key at one moment, as an immutable snapshot: {@code bearer()} on a fresh
 * session reads one of these and nothing else, so it needs no lock.
 *
 * @param session     the session held in memory, if any (possibly expired)
 * @param invalidated whether an embedder reported its bearer refused (401) by another LivePerson API
 * @param credentials held in memory only, for re-login; never stored
 * @param halt        why logins are stopped, if they are
 * @param failures    consecutive retryable login failures, for the long-interval back-off (spec §3.4)
 */
record KeyState(Optional<Session> session, boolean invalidated, Optional<Credentials> credentials,
        Optional<Halt> halt, int failures) {

    static final KeyState EMPTY = new KeyState(Optional.empty(), false, Optional.empty(), Optional.empty(), 0);

    KeyState {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(halt, "halt");
    }

    /** The freshness of the held session; {@link Freshness#EXPIRED} when there is none or it was invalidated. */
    Freshness freshness(Instant now, LoginSettings settings) {
        if (session.isEmpty() || invalidated) {
            return Freshness.EXPIRED;
        }
        return session.get().freshnessAt(now, settings.refreshInterval(), settings.idleTimeout());
    }

    /** The session, if it may still be handed out at {@code now} (fresh or stale). */
    Optional<Session> usable(Instant now, LoginSettings settings) {
        return freshness(now, settings) == Freshness.EXPIRED ? Optional.empty() : session;
    }

    KeyState withSession(Session confirmed) {
        return new KeyState(Optional.of(confirmed), false, credentials, Optional.empty(), 0);
    }

    KeyState withoutSession() {
        return new KeyState(Optional.empty(), false, credentials, halt, failures);
    }

    KeyState markInvalidated() {
        return new KeyState(session, true, credentials, halt, failures);
    }

    /** New credentials: a fresh start, whatever stopped the old ones. */
    KeyState withCredentials(Credentials newCredentials) {
        return new KeyState(session, invalidated, Optional.of(newCredentials), Optional.empty(), 0);
    }

    KeyState halted(Halt newHalt, int newFailures) {
        return new KeyState(session, invalidated, credentials, Optional.of(newHalt), newFailures);
    }

    /** A terminal halt also drops the session: it is dead (blocked) or was never there (rejected login). */
    KeyState stopped(Halt newHalt) {
        return new KeyState(Optional.empty(), false, credentials, Optional.of(newHalt), 0);
    }

    KeyState withFailures(int newFailures) {
        return new KeyState(session, invalidated, credentials, halt, newFailures);
    }
}
