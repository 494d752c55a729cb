/**
 * The driving side of the hexagon: {@link dev.lplogin.domain.usecase.LoginUseCase}, the one port embedding products
 * call, the session lifecycle that implements it, and {@link dev.lplogin.domain.usecase.LoginCore}, the plain-Java
 * factory that assembles it from driven ports.
 *
 * <p>How the lifecycle is built (all package-private): {@code SessionLifecycle} implements the port and keeps a
 * {@code KeySlot} per session key, whose immutable {@code KeyState} snapshot answers a fresh {@code bearer()} without
 * a lock. All upstream work of a key goes through the slot's {@code SingleFlight}, so concurrent callers share one
 * login or refresh; {@code Renewal} does that work (store lease, reuse a stored session, log in, refresh, re-login,
 * log out) on the network executor. {@code KeepAlive} plans each key's next step on the one {@code Scheduler}
 * ({@code ThreadScheduler} in production), {@code Backoff} is LivePerson's long-interval retry (spec §3.4),
 * {@code StoredSessions} the compare-and-set and lease rules for the {@code TokenStore}, {@code CompetingLogins} the
 * detector of another process logging in as the same user, and {@code Events} shields the lifecycle from its
 * listener.
 */
package dev.lplogin.domain.usecase;
