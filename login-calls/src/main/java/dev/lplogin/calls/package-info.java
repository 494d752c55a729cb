/**
 * Calls to other LivePerson APIs (Account Configuration, Users, Messaging, …) with the bearer of a session:
 * {@link dev.lplogin.calls.LivePersonCalls} finds the service's host through the Domain API, sets
 * {@code Authorization} and {@code User-Agent}, and on a 401 invalidates the bearer it used, takes the next one (N
 * concurrent 401s on one dead session cause one login) and replays the request once if its
 * {@linkplain dev.lplogin.calls.CallBody body} can be sent twice. A 403 is a permission error (RFC 6750 §3.1) and is
 * returned as it is, and so is any other answer; redirects are never followed.
 *
 * <p>Where it sits in the hexagon: a <em>driving</em> adapter. It drives the core through the one driving port,
 * {@code LoginUseCase} ({@code bearer}, {@code invalidate}, {@code serviceHost}), exactly as the command line does,
 * and calls no driven port; it sends on the HTTP adapter's {@code HttpTransport} so that calls share the login
 * traffic's connections, proxy and trust. It is not a port of the core: the core never calls it. The architecture
 * rules (login-app's {@code ArchitectureRules}) keep it that way. See {@code docs/calls.md}.
 */
package dev.lplogin.calls;
