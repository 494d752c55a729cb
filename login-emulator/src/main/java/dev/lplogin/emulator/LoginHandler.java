package dev.lplogin.emulator;

import dev.lplogin.emulator.json.LoginAnswerJson;
import dev.lplogin.emulator.json.LoginRequestJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code POST /api/account/{account}/login?v=1.3} (spec §3.1): user, OAuth2 and legacy OAuth1 logins. */
final class LoginHandler {

    /** The {@code v} values the emulator accepts (spec §3.1). */
    static final Set<String> VERSIONS = Set.of("1.1", "1.2", "1.3");
    /** Seconds a rate-limited client is told to wait (spec §3.5). */
    static final int RETRY_AFTER_SECONDS = 5;
    /** The literal OAuth2 client-credential logins send as access token and access token secret. */
    static final String OAUTH2_DUMMY = "dummy";

    private final AccountDirectory directory;
    private final SessionRegistry sessions;
    private final LoginRateLimiter rateLimiter;
    private final EmulatorClock clock;
    private final Errors errors;
    private final Duration maxSessionAge;
    private final boolean secureCookie;
    private final boolean oauth1Refused;

    LoginHandler(AccountDirectory directory, SessionRegistry sessions, LoginRateLimiter rateLimiter,
                 EmulatorClock clock, Errors errors, Duration maxSessionAge, boolean secureCookie,
                 boolean oauth1Refused) {
        this.directory = directory;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.errors = errors;
        this.maxSessionAge = maxSessionAge;
        this.secureCookie = secureCookie;
        this.oauth1Refused = oauth1Refused;
    }

    Reply login(Request request) {
        String accountId = request.pathParams().get(0);
        if (!request.query("v").filter(VERSIONS::contains).isPresent()) {
            throw new Rejection(400, "query parameter v must be 1.1, 1.2 or 1.3 (e.g. ?v=1.3)");
        }
        request.requireJson();
        var body = JsonCodec.read(request.body(), LoginRequestJson.class,
                "{\"username\":…, \"password\":…} or {\"username\":…, \"appKey\":…, \"secret\":…, "
                        + "\"accessToken\":…, \"accessTokenSecret\":…}");
        requireShape(body);
        if (!directory.exists(accountId)) {
            throw new Rejection(401, "invalid credentials or unknown site");
        }
        var user = new UserKey(accountId, body.username());
        if (!rateLimiter.tryAcquire(user)) {
            return errors.reply(429, "too many logins for this user; retry later")
                    .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        if (oauth1Refused && isOAuth1(body)) {
            // Whatever the keys: the service no longer takes this form at all (spec §3.5, §5).
            return errors.reply(401, "OAuth1 login for bots has ended; log in with OAuth2 client credentials");
        }
        // One message for unknown users and wrong secrets: the answer must not reveal which usernames exist.
        EmulatorUser known = directory.user(accountId, body.username())
                .filter(candidate -> accepts(candidate, body))
                .orElseThrow(() -> new Rejection(401, "invalid credentials or unknown site"));
        if (known.blocked()) {
            return errors.reply(451, "this user is blocked by LivePerson support; do not retry");
        }
        var opened = sessions.open(user);
        if (opened.isEmpty()) {
            // Second login while the first session lives, in refuse mode (spec §3.5): retry once it has expired.
            long seconds = Math.max(1, (sessions.untilNoLiveSession(user).toMillis() + 999) / 1000);
            return errors.reply(429, "this user already has a live session; log it out or let it expire first")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        var session = opened.get();
        return Reply.json(200, answer(accountId, known, session))
                .withHeader("Set-Cookie", SessionIdCookie.setCookie(session.id, secureCookie));
    }

    private static void requireShape(LoginRequestJson body) {
        if (body.username() == null || body.username().isBlank()) {
            throw new Rejection(400, "the login body needs a username");
        }
        if (body.password() != null ? hasAppFields(body) : !hasAllAppFields(body)) {
            throw new Rejection(400, "the login body needs either password, or all of appKey, secret, "
                    + "accessToken and accessTokenSecret (\"dummy\" tokens for OAuth2), not a mix");
        }
    }

    private static boolean hasAppFields(LoginRequestJson body) {
        return body.appKey() != null || body.secret() != null || body.accessToken() != null
                || body.accessTokenSecret() != null;
    }

    private static boolean hasAllAppFields(LoginRequestJson body) {
        return body.appKey() != null && body.secret() != null && body.accessToken() != null
                && body.accessTokenSecret() != null;
    }

    private static boolean isOAuth1(LoginRequestJson body) {
        return body.password() == null && !isOAuth2(body);
    }

    private static boolean isOAuth2(LoginRequestJson body) {
        return OAUTH2_DUMMY.equals(body.accessToken()) && OAUTH2_DUMMY.equals(body.accessTokenSecret());
    }

    private static boolean accepts(EmulatorUser user, LoginRequestJson body) {
        if (body.password() != null) {
            return user.password().filter(expected -> Secrets.matches(expected, body.password())).isPresent();
        }
        if (isOAuth2(body)) {
            return user.oauth2().filter(client -> Secrets.matches(client.clientId(), body.appKey())
                    & Secrets.matches(client.clientSecret(), body.secret())).isPresent();
        }
        return user.oauth1().filter(keys -> Secrets.matches(keys.appKey(), body.appKey())
                & Secrets.matches(keys.secret(), body.secret())
                & Secrets.matches(keys.accessToken(), body.accessToken())
                & Secrets.matches(keys.accessTokenSecret(), body.accessTokenSecret())).isPresent();
    }

    private LoginAnswerJson answer(String accountId, EmulatorUser user, SessionRegistry.LiveSession session) {
        // Stable per user, like LivePerson's ids: the same user gets the same userId in every session.
        UUID pid = UUID.nameUUIDFromBytes((accountId + "/" + user.username()).getBytes(StandardCharsets.UTF_8));
        String userId = Long.toString(1_000_000_000L + Math.floorMod(pid.getMostSignificantBits(), 9_000_000_000L));
        var config = new LoginAnswerJson.Config(user.username(), userId, pid.toString(), List.of(100, 101, 1730),
                clock.now().toEpochMilli(), 0, "UTC", 0, false, false, "UTC");
        var groups = new LoginAnswerJson.AccountData(new LoginAnswerJson.AgentGroups(
                List.of(new LoginAnswerJson.AgentGroup(-1, false, "Main Group")), 1));
        return new LoginAnswerJson(session.csrf, Secrets.digits(18), config, directory.services(accountId), groups,
                Long.toString(maxSessionAge.toMillis()), session.bearer);
    }
}
