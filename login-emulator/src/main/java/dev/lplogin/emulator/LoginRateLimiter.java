package dev.lplogin.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** At most {@code limit} login attempts per user in any sliding {@code window} (spec §3.1, 429). */
final class LoginRateLimiter {

    private final EmulatorClock clock;
    private final int limit;
    private final Duration window;
    private final Map<UserKey, ArrayDeque<Instant>> attempts = new HashMap<>();

    LoginRateLimiter(EmulatorClock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Records an attempt and says whether it is within the limit; refused attempts are not recorded. */
    synchronized boolean tryAcquire(UserKey user) {
        Instant now = clock.now();
        Instant horizon = now.minus(window);
        var recent = attempts.computeIfAbsent(user, key -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.pollFirst();
        }
        if (recent.size() >= limit) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    synchronized void clear() {
        attempts.clear();
    }
}
