/**
 * A local stand-in for LivePerson's Login Service and Domain API (spec §2, §3) on loopback, with admin controls for
 * faults, expiry and a movable clock. Outside the hexagon: it knows nothing of the client.
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
 * <p>Admin endpoints, loopback clients only, JSON in and out:
 * <ul>
 *   <li>{@code GET /_emulator/stats} → {@code {"requests":{"csds":…,"login":…,"refresh":…,"logout":…},
 *       "statuses":{"200":…},"activeSessions":…,"connections":…}} (admin calls are not counted)</li>
 *   <li>{@code POST /_emulator/faults} {@code {"endpoint":"csds|login|refresh|logout",
 *       "mode":"status|delay|reset|malformed|bearer-newline|huge-bearer|deep-json","status":503,
 *       "retryAfterSeconds":5,"delayMs":2000,"times":2}} (the last three answer 200 with a hostile body: a bearer with
 *       a line break, a 900 KB bearer, JSON nested 100,000 deep)
 *       ({@code times} defaults to 1); {@code DELETE /_emulator/faults} clears them</li>
 *   <li>{@code POST /_emulator/sessions/expire} with no body or {@code {}} (all), {@code {"account":…}} or
 *       {@code {"account":…,"username":…}} → {@code {"expired":n}}</li>
 *   <li>{@code POST /_emulator/clock} {@code {"advanceSeconds":N}} → {@code {"offsetSeconds":…,"now":…}}</li>
 *   <li>{@code POST /_emulator/reset}: forget sessions, faults, rate limits and stats; clock back to now</li>
 * </ul>
 */
package dev.lplogin.emulator;
