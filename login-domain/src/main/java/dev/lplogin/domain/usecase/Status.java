package dev.lplogin.domain.usecase;

/** The states a key is in, as {@code docs/lifecycle.md} draws them; {@link KeyState#status} computes it. */
enum Status {
    /** No session held, nothing stopping a login: the next caller (or the store) brings one. */
    NO_SESSION,
    /** A session confirmed within the refresh interval: its bearer is handed out as is. */
    FRESH,
    /** A refresh is due: the bearer is still handed out while one refresh runs in the background. */
    STALE,
    /** The held session is past its hard deadline or known dead (401): only a new login helps. */
    EXPIRED,
    /** Logins are stopped for good: rejected credentials (until new ones) or blocked. */
    STOPPED,
    /** Logins wait until a time: back-off after repeated outages or a rate limit. */
    WAITING
}
