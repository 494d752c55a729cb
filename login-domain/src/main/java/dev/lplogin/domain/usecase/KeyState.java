package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the core knows about one key, as an immutable snapshot; {@code bearer()} on a fresh session reads
 * {@link #hotBearer} and nothing else.
 *
 * @param session            the session held in memory, if any (possibly expired)
 * @param dead               whether its bearer is known refused (401 on refresh, or reported by an embedder)
 * @param hotBearer          the bearer to hand out without looking at the time, or {@code null}: set while the
 *                           session is fresh and at least one refresh interval from its hard deadline; the timer
 *                           clears it at {@link #handoverAt}
 * @param credentials        held in memory only, for re-login; never stored
 * @param stopped            why logins are stopped, if they are
 * @param failedLogins       consecutive retryable login failures, for the back-off (spec §3.4)
 * @param refreshPausedUntil after a failed refresh, stale reads start no new refresh before this
 * @param youngKills         when fresh sessions of this key were recently found killed (competing logins)
 * @param work               the next background step, if one is planned
 * @param refused            the last {@value #REFUSED_REMEMBERED} bearers known refused (401 on refresh, or
 *                           reported by an embedder), newest last: never taken up again from the store, even
 *                           after the key let go of them
 */
record KeyState(Optional<Session> session, boolean dead, Secret hotBearer, Optional<Credentials> credentials,
        Optional<LoginsStopped> stopped, int failedLogins, Instant refreshPausedUntil, List<Instant> youngKills,
        Optional<Work> work, List<Secret> refused) {

    /** How many refused bearers a key remembers: enough for a few stale ones left in a store. */
    static final int REFUSED_REMEMBERED = 4;

    static final KeyState EMPTY = new KeyState(Optional.empty(), false, null, Optional.empty(), Optional.empty(),
            0, Instant.MIN, List.of(), Optional.empty(), List.of());

    KeyState {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(stopped, "stopped");
        Objects.requireNonNull(refreshPausedUntil, "refresh paused until");
        youngKills = List.copyOf(youngKills);
        Objects.requireNonNull(work, "work");
        refused = List.copyOf(refused);
    }

    /** The state a key is in at {@code now}. */
    Status status(Instant now, Rules rules) {
        if (stopped.isPresent() && stopped.get().activeAt(now)) {
            return stopped.get().until().isEmpty() ? Status.STOPPED : Status.WAITING;
        }
        if (session.isEmpty()) {
            return Status.NO_SESSION;
        }
        return switch (freshness(now, rules)) {
            case FRESH -> Status.FRESH;
            case STALE -> Status.STALE;
            case EXPIRED -> Status.EXPIRED;
        };
    }

    /** The freshness of the held session; {@link Freshness#EXPIRED} when there is none or it is dead. */
    Freshness freshness(Instant now, Rules rules) {
        if (session.isEmpty() || dead) {
            return Freshness.EXPIRED;
        }
        return session.get().freshnessAt(now, rules.refreshInterval(), rules.idleTimeout());
    }

    Optional<Session> usable(Instant now, Rules rules) {
        return freshness(now, rules) == Freshness.EXPIRED ? Optional.empty() : session;
    }

    KeyState with(Optional<Session> newSession, boolean newDead, Secret newHot) {
        return new KeyState(newSession, newDead, newHot, credentials, stopped, failedLogins, refreshPausedUntil,
                youngKills, work, refused);
    }

    KeyState withCredentials(Optional<Credentials> newCredentials) {
        return new KeyState(session, dead, hotBearer, newCredentials, stopped, failedLogins, refreshPausedUntil,
                youngKills, work, refused);
    }

    KeyState withStopped(Optional<LoginsStopped> newStopped, int newFailures) {
        return new KeyState(session, dead, hotBearer, credentials, newStopped, newFailures, refreshPausedUntil,
                youngKills, work, refused);
    }

    KeyState withRefreshPausedUntil(Instant until) {
        return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, until, youngKills,
                work, refused);
    }

    KeyState withYoungKills(List<Instant> kills) {
        return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, refreshPausedUntil,
                kills, work, refused);
    }

    KeyState withWork(Optional<Work> newWork) {
        return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, refreshPausedUntil,
                youngKills, newWork, refused);
    }

    KeyState withRefused(List<Secret> bearers) {
        return new KeyState(session, dead, hotBearer, credentials, stopped, failedLogins, refreshPausedUntil,
                youngKills, work, bearers);
    }

    /** This state remembering {@code bearer} as refused, with the few refused before it. */
    KeyState refusing(Secret bearer) {
        if (refused.contains(bearer)) {
            return this;
        }
        List<Secret> bearers = new ArrayList<>(refused);
        bearers.add(bearer);
        return withRefused(bearers.subList(Math.max(0, bearers.size() - REFUSED_REMEMBERED), bearers.size()));
    }
}
