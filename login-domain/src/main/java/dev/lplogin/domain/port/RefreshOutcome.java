package dev.lplogin.domain.port;

/** What a refresh came to (spec §3.2). Infrastructure failures are thrown, not returned. */
public sealed interface RefreshOutcome permits Refreshed, SessionGone, Blocked, RateLimited {
}
