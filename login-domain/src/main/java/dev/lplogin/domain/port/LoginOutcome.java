package dev.lplogin.domain.port;

/**
 * What a login attempt came to, as a value callers branch on with an exhaustive {@code switch} (spec §3.1, §3.4).
 * Infrastructure failures are not outcomes: they are thrown as {@link InfrastructureException}s.
 */
public sealed interface LoginOutcome permits LoggedIn, CredentialsRejected, Blocked, RateLimited {
}
