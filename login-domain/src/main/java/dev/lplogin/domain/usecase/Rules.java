package dev.lplogin.domain.usecase;

import java.time.Duration;

/**
 * The settings the rules read.
 *
 * @param refreshInterval how long a confirmation keeps a session fresh
 * @param idleTimeout     after how long without confirmation a session is dead (its hard deadline)
 * @param backoff         the long-interval retry of logins (spec §3.4)
 * @param jitter          spread of retries after failures, 0–0.5
 * @param keepAlive       whether the core refreshes and retries in the background
 */
record Rules(Duration refreshInterval, Duration idleTimeout, Backoff backoff, double jitter, boolean keepAlive) {

    static Rules from(LoginSettings settings) {
        return new Rules(settings.refreshInterval(), settings.idleTimeout(), Backoff.from(settings),
                settings.jitter(), settings.keepAlive());
    }
}
