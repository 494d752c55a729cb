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
    private final boolean onePerUser;
    private final Map<String, LiveSession> byId = new HashMap<>();
    private final Map<String, LiveSession> byBearer = new HashMap<>();
    private final Map<UserKey, Set<LiveSession>> byUser = new HashMap<>();

    SessionRegistry(EmulatorClock clock, Duration idleTimeout, Duration maxAge, boolean onePerUser) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.onePerUser = onePerUser;
    }

    /** Opens a session for a user who just logged in, ending the user's previous one if one session per user. */
    synchronized LiveSession open(UserKey user) {
        if (onePerUser) {
            endUser(user);
        }
        var session = new LiveSession(Secrets.hex64(), user, Secrets.hex64(), Secrets.hex64(), clock.now());
        byId.put(session.id, session);
        byBearer.put(session.bearer, session);
        byUser.computeIfAbsent(user, key -> new HashSet<>()).add(session);
        return session;
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
        var session = byBearer.get(bearer);
        return session != null && aliveOrRemove(session);
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
        Instant now = clock.now();
        return now.isBefore(session.lastActive.plus(idleTimeout)) && now.isBefore(session.createdAt.plus(maxAge));
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
