/**
 * A local stand-in for LivePerson's Login Service and Domain API (spec §2, §3) on loopback, with admin controls for
 * faults, expiry and a movable clock, and one protected API to call with the bearer. Outside the hexagon: it knows
 * nothing of the client.
 *
 * <p>The public types are the API; everything else here is package-private machinery (the JDK HTTP(S) server, one
 * handler per endpoint, the session registry, the fault plan). The JSON wire records live in
 * {@code dev.lplogin.emulator.json}, which is not exported.
 *
 * <p>Start one with {@link dev.lplogin.emulator.LoginEmulator#start(EmulatorConfig)}. It always serves the
 * {@link dev.lplogin.emulator.DemoAccount} unless configured otherwise; more accounts come from a JSON file
 * ({@link dev.lplogin.emulator.EmulatorAccount#load(java.nio.file.Path)}):
 *
 * <pre>{@code
 * {"accounts": [
 *   {"id": "87654321", "users": [
 *     {"username": "alice", "password": "alice-password"},
 *     {"username": "bot", "oauth2": {"clientId": "bot-client", "clientSecret": "bot-secret"}},
 *     {"username": "old-bot", "oauth1": {"appKey": "k", "secret": "s", "accessToken": "t",
 *                                        "accessTokenSecret": "ts"}},
 *     {"username": "mallory", "password": "mallory-password", "blocked": true}
 *   ]}
 * ]}
 * }</pre>
 *
 * <p>A user needs at least one of {@code password}, {@code oauth2}, {@code oauth1}; {@code blocked} (default false)
 * answers valid logins with 451. Account ids are 1–64 letters, digits, {@code -} or {@code _}, unique.
 *
 * <p>The protected API is shaped like LivePerson's Account Configuration skills, which the Domain API lists under
 * {@code accountConfigReadOnly} and {@code accountConfigReadWrite} (on the emulator's own host, like every service):
 * <ul>
 *   <li>{@code GET /api/account/{account}/configuration/le-users/skills?v=2.0} → {@code [{"id":1,"name":…}]}, the
 *       collection's revision in {@code ETag} (quoted; accounts start at {@code "1"})</li>
 *   <li>{@code POST} of the same path, {@code Content-Type: application/json}, {@code {"name":"billing"}} and
 *       {@code If-Match: "<revision>"} (or {@code *}) → 201 with the skill and the new revision in {@code ETag};
 *       428 without {@code If-Match}, 412 for a stale revision (RFC 9110 §13.1.1), 409 for a name that exists</li>
 * </ul>
 * Both need {@code Authorization: Bearer …} of a live session of that account: 401 (with
 * {@code WWW-Authenticate: Bearer … error="invalid_token"}) for a missing, unknown, expired, killed or logged-out
 * bearer, 403 ({@code error="insufficient_scope"}) for another account's (RFC 6750 §3.1); a refused write changes
 * nothing. The {@code v} parameter is accepted with any value.
 *
 * <p>Admin endpoints, loopback clients only, JSON in and out:
 * <ul>
 *   <li>{@code GET /_emulator/stats} → {@code {"requests":{"csds":…,"login":…,"refresh":…,"logout":…,
 *       "list-skills":…,"create-skill":…},"statuses":{"200":…},"activeSessions":…,"connections":…}} (admin calls
 *       are not counted)</li>
 *   <li>{@code GET /_emulator/api-requests} → {@code {"requests":[{"endpoint":"create-skill","method":"POST",
 *       "path":…,"query":"v=2.0","status":201,"headers":["authorization","content-type",…]}]}}: the last 1,000
 *       requests to the protected API, oldest first, with header names only (never values)</li>
 *   <li>{@code POST /_emulator/faults} {@code {"endpoint":"csds|login|refresh|logout|list-skills|create-skill",
 *       "mode":"status|delay|reset|malformed|bearer-newline|huge-bearer|deep-json","status":503,
 *       "retryAfterSeconds":5,"delayMs":2000,"times":2}} (the last three answer 200 with a hostile body: a bearer with
 *       a line break, a 900 KB bearer, JSON nested 100,000 deep)
 *       ({@code times} defaults to 1); {@code DELETE /_emulator/faults} clears them</li>
 *   <li>{@code POST /_emulator/sessions/expire} with no body or {@code {}} (all), {@code {"account":…}} or
 *       {@code {"account":…,"username":…}} → {@code {"expired":n}}</li>
 *   <li>{@code POST /_emulator/clock} {@code {"advanceSeconds":N}} → {@code {"offsetSeconds":…,"now":…}}</li>
 *   <li>{@code POST /_emulator/reset}: forget sessions, skills, faults, rate limits, stats and logged API requests;
 *       clock back to now</li>
 * </ul>
 */
package dev.lplogin.emulator;
