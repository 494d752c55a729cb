package dev.lplogin.domain.usecase;

import java.time.Instant;

/**
 * When the next background step of a key may run: at {@code from} at the earliest, {@code until} at the latest.
 * {@code spread} lets the planner pick the least busy moment in between (keep-alive refreshes); otherwise it
 * runs at {@code from}.
 */
record Work(Instant from, Instant until, boolean spread) {

    static Work at(Instant when) {
        return new Work(when, when, false);
    }
}
