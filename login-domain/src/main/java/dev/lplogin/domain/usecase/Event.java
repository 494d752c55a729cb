package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.RefreshOutcome;
import dev.lplogin.domain.port.StoreException;
import java.util.Optional;

/** Something that happened to a key: a caller's request, a timer, or the answer to an effect of a flight. */
sealed interface Event {

    /** {@code useCredentials} or {@code login}: hold these credentials; a fresh start for the key. */
    record CredentialsGiven(Credentials credentials) implements Event {
    }

    /** A caller of {@code bearer()} found no bearer to hand out without looking at the time. */
    record BearerAsked() implements Event {
    }

    /** A caller of {@code refresh()}. */
    record RefreshAsked() implements Event {
    }

    /** An embedder reported {@code bearer} refused (401) by another LivePerson API ({@code invalidate}). */
    record BearerRefused(Secret bearer) implements Event {
    }

    /**
     * The key's timer fired. {@code missed}: a keep-alive step that found another flight running and joined
     * it, which may not have done this step's work.
     */
    record TimerFired(boolean missed) implements Event {
    }

    /** A flight for {@code purpose} starts (on the network executor). */
    record FlightStarted() implements Event {
    }

    /** The store lease of the key is held (or could not be had and the flight goes on without it). */
    record LeaseTaken() implements Event {
    }

    record StoredLoaded(Optional<Session> stored) implements Event {
    }

    /**
     * The store could not be read: unreachable for now (e.g. Redis is down; {@code failure.retryable()}), or its
     * record of the key cannot be opened (e.g. a wrong store key) — never the same as nothing stored.
     */
    record StoreUnavailable(StoreException failure) implements Event {
    }

    record LoginAnswered(LoginOutcome outcome) implements Event {
    }

    record LoginFailed(InfrastructureException failure) implements Event {
    }

    record RefreshAnswered(RefreshOutcome outcome) implements Event {
    }

    record RefreshFailed(InfrastructureException failure) implements Event {
    }

    /**
     * A session was saved (or could not be, and is held unsaved); {@code held} is the one to hold.
     * {@code theirs}: the store held another process's newer session, which won over ours ({@code held}).
     */
    record Saved(Session held, boolean theirs) implements Event {
    }

    /** The logouts upstream are done; {@code failure} is the first that could not reach the service. */
    record LoggedOutUpstream(Optional<InfrastructureException> failure) implements Event {
    }
}
