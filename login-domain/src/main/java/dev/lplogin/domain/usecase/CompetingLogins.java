package dev.lplogin.domain.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * Notices that fresh sessions of one key keep dying soon after login — the signature of another process logging in
 * as the same user, since LivePerson keeps one live session per user and each login kills the previous one.
 * Thread-safe.
 */
final class CompetingLogins {

    /** Kills within the window that make a pattern rather than bad luck. */
    static final int THRESHOLD = 3;

    static final String ADVICE = "another process (or machine) is probably logging in as the same user: LivePerson "
            + "keeps one session per user, so each login kills the other's session; let the processes share one "
            + "session store so that they reuse one session instead of competing";

    private final Duration young;
    private final Duration window;
    private final Deque<Instant> kills = new ArrayDeque<>();

    /**
     * @param refreshInterval a competitor's login is noticed at our next refresh, so a session that dies within two
     *                        intervals of its login counts as killed young; the pattern must repeat within 15
     *                        intervals (an hour by default)
     */
    CompetingLogins(Duration refreshInterval) {
        this.young = refreshInterval.multipliedBy(2);
        this.window = refreshInterval.multipliedBy(15);
    }

    /**
     * Records that a session issued at {@code issuedAt} was found dead at {@code now}.
     *
     * @return how many young sessions died within the window, when that reaches the threshold (then it starts over,
     *         so the warning repeats only if the pattern does)
     */
    synchronized OptionalInt sessionKilled(Instant issuedAt, Instant now) {
        if (Duration.between(issuedAt, now).compareTo(young) > 0) {
            return OptionalInt.empty();
        }
        kills.addLast(now);
        while (!kills.isEmpty() && Duration.between(kills.peekFirst(), now).compareTo(window) > 0) {
            kills.removeFirst();
        }
        if (kills.size() < THRESHOLD) {
            return OptionalInt.empty();
        }
        int count = kills.size();
        kills.clear();
        return OptionalInt.of(count);
    }
}
