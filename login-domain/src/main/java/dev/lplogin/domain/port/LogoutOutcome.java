package dev.lplogin.domain.port;

/** What a logout came to (spec §3.3). Both cases mean the session is dead; logout is idempotent for callers. */
public enum LogoutOutcome {
    /** The service ended the session. */
    LOGGED_OUT,
    /** The service no longer knew the session (expired, replaced or already logged out). */
    ALREADY_GONE
}
