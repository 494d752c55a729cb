package dev.lplogin.domain.port;

/**
 * The service no longer accepts the session (401 on refresh, spec §3.2): it expired, was logged out, was replaced by
 * another login of the same user, or the csrf did not match. Only a new login helps.
 *
 * @param csrfMismatch whether the service said the csrf token did not match ({@code internalCode} 10)
 */
public record SessionGone(boolean csrfMismatch) implements RefreshOutcome {
}
