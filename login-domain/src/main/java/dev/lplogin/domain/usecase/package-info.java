/**
 * The driving side of the hexagon: {@link dev.lplogin.domain.usecase.LoginUseCase}, the one port embedding products
 * call, the session lifecycle that implements it, and {@link dev.lplogin.domain.usecase.LoginCore}, the plain-Java
 * factory that assembles it from driven ports, configured by {@link dev.lplogin.domain.usecase.LoginSettings}.
 *
 * <p>How the lifecycle is built (all package-private; {@code docs/lifecycle.md} draws it):
 * {@code SessionStateMachine} is every rule, as one pure function from (state, event, time) to (state, effects);
 * {@code EffectRunner} carries the effects out (ports, timers, store, listener, flights) and decides nothing;
 * {@code SessionLifecycle} implements the port on top, with a {@code TrackedKey} per key whose immutable snapshot
 * answers a fresh {@code bearer()} with one volatile read. All upstream work of a key is one flight at a time
 * ({@code SingleFlight}); background flights pass {@code BackgroundWork}'s concurrency limit; {@code RefreshPlanner}
 * spreads keep-alive refreshes; {@code StoredSessions} holds the store's lease, fencing and compare-and-set rules;
 * {@code Backoff} is LivePerson's long-interval retry (spec §3.4); {@code Events} shields the lifecycle from its
 * listener; {@code ThreadScheduler} is the one scheduler thread.
 */
package dev.lplogin.domain.usecase;
