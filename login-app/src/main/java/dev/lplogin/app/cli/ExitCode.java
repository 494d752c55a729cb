package dev.lplogin.app.cli;

/** The process exit codes of {@code lp-login}; scripts depend on them (docs/cli.md). */
enum ExitCode {
    OK(0),
    /** Anything not covered below (a bug, a protocol violation). */
    FAILURE(1),
    /** Usage error or bad input: unknown flag, malformed or unknown account id, missing password. */
    USAGE(2),
    /** The Login Service rejected the credentials (401). */
    CREDENTIALS_REJECTED(3),
    /** The account or user is blocked by LivePerson (451). */
    BLOCKED(4),
    /** Too many logins (429). */
    RATE_LIMITED(5),
    /** A service could not be reached or is unavailable; the message names the step. */
    UNAVAILABLE(6),
    /** No stored session and no credentials to log in with. */
    NOT_LOGGED_IN(7),
    /**
     * The session store cannot be used until a person fixes it: a stored session this process cannot open (a wrong,
     * missing or rotated-away store key, a tampered record), unsafe permissions, a refused Redis. No login is made
     * over it, and retrying does not help.
     */
    STORE_UNUSABLE(8);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
