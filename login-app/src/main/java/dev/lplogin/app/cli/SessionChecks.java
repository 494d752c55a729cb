package dev.lplogin.app.cli;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the agent does when a caller reports that an API refused a bearer ({@code POST /v1/invalidate}).
 *
 * <p>A 401 does not prove the session dead: the caller may have sent it to the wrong host, or with a typo. So the
 * session is first checked at the service with one refresh (as {@code lp-login token --verify} does), which logs in
 * again only if the service says the session is gone. Callers reporting the same bearer at once wait for the one
 * check. A session is checked at most once per minimum interval, so that a caller reporting in a loop costs the
 * service one refresh, not a login per report (and LivePerson's 429s after a few logins).
 */
final class SessionChecks {

    private final LoginUseCase core;
    private final Clock clock;
    private final Duration minInterval;
    private final Map<SessionKey, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<SessionKey, Instant> lastCheck = new ConcurrentHashMap<>();

    SessionChecks(LoginUseCase core, Clock clock, Duration minInterval) {
        this.core = core;
        this.clock = clock;
        this.minInterval = minInterval;
    }

    /**
     * Handles a report that {@code refused} was refused for the session {@code key}.
     *
     * @return whether the session has another bearer now than the refused one, which was current when reported
     *         ({@code false}: nothing changed — a bearer already replaced, a session the service confirmed, or a
     *         report within the minimum interval after the last check)
     * @throws dev.lplogin.domain.usecase.SessionUnavailableException if the session is dead and none can be had
     */
    boolean check(SessionKey key, Secret refused) {
        if (!core.bearer(key).equals(refused)) {
            return false; // already replaced: the report is late
        }
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            if (core.bearer(key).equals(refused)) {
                Instant now = clock.instant();
                Instant last = lastCheck.get(key);
                if (last == null || !now.isBefore(last.plus(minInterval))) {
                    lastCheck.put(key, now);
                    core.refresh(key); // a session the service dropped is logged in again here, once
                }
            }
            return !core.bearer(key).equals(refused);
        } finally {
            lock.unlock();
        }
    }
}
