package dev.lplogin.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The live sessions, indexed by cookie, bearer and user. One lock guards everything: every operation is a few map
 * updates, far cheaper than the HTTP exchange around it. Expired sessions are dropped when they are next looked at.
 */
final class SessionRegistry {

    /** One login's session; {@code lastActive} moves on refresh. */
    static final class LiveSession {
        final String id;
        final UserKey user;
        final String csrf;
        final String bearer;
        final Instant createdAt;
        private Instant lastActive;

        LiveSession(String id, UserKey user, String csrf, String bearer, Instant createdAt) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.bearer = bearer;
            this.createdAt = createdAt;
            this.lastActive = createdAt;
        }

        @Override
        public String toString() {
            return "LiveSession[user=" + user + ", createdAt=" + createdAt + "]";
        }
    }

    private final EmulatorClock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final SecondLogin secondLogin;
    private final Map<String, LiveSession> byId = new HashMap<>();
    private final Map<String, LiveSession> byBearer = new HashMap<>();
    private final Map<UserKey, Set<LiveSession>> byUser = new HashMap<>();

    SessionRegistry(EmulatorClock clock, Duration idleTimeout, Duration maxAge, SecondLogin secondLogin) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.secondLogin = secondLogin;
    }

    /**
     * Opens a session for a user who just logged in, treating the user's live sessions as {@link SecondLogin} says:
     * ended, kept (then empty: the login is refused), or left alone.
     */
    synchronized Optional<LiveSession> open(UserKey user) {
        switch (secondLogin) {
            case KICK_OUT -> endUser(user);
            case REFUSE -> {
                if (!liveSessionsOf(user).isEmpty()) {
                    return Optional.empty();
                }
            }
            case ALLOW -> { }
        }
        var session = new LiveSession(Secrets.hex64(), user, Secrets.hex64(), Secrets.hex64(), clock.now());
        byId.put(session.id, session);
        byBearer.put(session.bearer, session);
        byUser.computeIfAbsent(user, key -> new HashSet<>()).add(session);
        return Optional.of(session);
    }

    /** How long until the user has no live session if nobody refreshes one; zero if none is live. */
    synchronized Duration untilNoLiveSession(UserKey user) {
        Instant now = clock.now();
        return liveSessionsOf(user).stream().map(this::expiresAt).max(Instant::compareTo)
                .map(end -> Duration.between(now, end)).orElse(Duration.ZERO);
    }

    private List<LiveSession> liveSessionsOf(UserKey user) {
        return byUser.getOrDefault(user, Set.of()).stream().filter(this::isAlive).toList();
    }

    /** The live session with this cookie value; an expired one is removed and not returned. */
    synchronized Optional<LiveSession> find(String id) {
        return Optional.ofNullable(byId.get(id)).filter(this::aliveOrRemove);
    }

    /** Records a refresh: the idle timer starts again. */
    synchronized void touch(LiveSession session) {
        session.lastActive = clock.now();
    }

    synchronized void end(LiveSession session) {
        remove(session);
    }

    synchronized boolean isBearerValid(String bearer) {
        return findByBearer(bearer).isPresent();
    }

    /** The live session this bearer belongs to; an expired one is removed and not returned. */
    synchronized Optional<LiveSession> findByBearer(String bearer) {
        return Optional.ofNullable(byBearer.get(bearer)).filter(this::aliveOrRemove);
    }

    /** Ends every session of one user; returns how many were alive. */
    synchronized int endUser(UserKey user) {
        return endAll(List.copyOf(byUser.getOrDefault(user, Set.of())));
    }

    /** Ends the sessions that match; returns how many were alive. */
    synchronized int endWhere(Predicate<LiveSession> which) {
        return endAll(byId.values().stream().filter(which).toList());
    }

    private int endAll(List<LiveSession> doomed) {
        int alive = 0;
        for (LiveSession session : doomed) {
            if (isAlive(session)) {
                alive++;
            }
            remove(session);
        }
        return alive;
    }

    /** Counts live sessions, dropping expired ones on the way. */
    synchronized int active() {
        endWhere(session -> !isAlive(session));
        return byId.size();
    }

    synchronized void clear() {
        byId.clear();
        byBearer.clear();
        byUser.clear();
    }

    private boolean aliveOrRemove(LiveSession session) {
        if (isAlive(session)) {
            return true;
        }
        remove(session);
        return false;
    }

    private boolean isAlive(LiveSession session) {
        return clock.now().isBefore(expiresAt(session));
    }

    /** When the session dies unless refreshed before: idle expiry, or its absolute age limit if sooner. */
    private Instant expiresAt(LiveSession session) {
        Instant idle = session.lastActive.plus(idleTimeout);
        Instant absolute = session.createdAt.plus(maxAge);
        return idle.isBefore(absolute) ? idle : absolute;
    }

    private void remove(LiveSession session) {
        byId.remove(session.id);
        byBearer.remove(session.bearer);
        var sessions = byUser.get(session.user);
        if (sessions != null) {
            sessions.remove(session);
            if (sessions.isEmpty()) {
                byUser.remove(session.user);
            }
        }
    }
}
