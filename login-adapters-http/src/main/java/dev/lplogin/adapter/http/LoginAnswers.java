package dev.lplogin.adapter.http;

import dev.lplogin.adapter.http.json.BaseUriJson;
import dev.lplogin.adapter.http.json.LoginAnswerJson;
import dev.lplogin.adapter.http.json.LoginConfigJson;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Turns a successful login answer (spec §3.1) into a {@link LoggedIn}, refusing one the client must not use. */
final class LoginAnswers {

    private static final Logger LOG = Logger.getLogger(LoginAnswers.class.getPackageName());
    /**
     * The longest bearer or csrf token taken, in characters. Each is sent back as one HTTP header value; LivePerson's
     * are a few hundred characters, and servers commonly refuse header lines beyond 8 KiB.
     */
    static final int MAX_TOKEN_CHARS = 8 * 1024;

    private LoginAnswers() {
    }

    /**
     * @throws ProtocolViolationException if the answer lacks the csrf, the bearer or {@code config.userId}, or holds
     *                                    a value the session model refuses
     */
    static LoggedIn toLoggedIn(LoginAnswerJson answer, SessionKey key, ServiceHost loginHost,
            List<SessionCookie> cookies, Instant now) {
        if (answer.csrf() == null) {
            throw invalid("it has no csrf");
        }
        if (answer.bearer() == null) {
            throw invalid("it has no bearer");
        }
        requireHeaderValue("bearer", answer.bearer());
        requireHeaderValue("csrf", answer.csrf());
        // spec §3.1: read config, fall back to siteConfig; userId is required (as LivePerson's node SDK does).
        LoginConfigJson config = answer.config() != null ? answer.config() : answer.siteConfig();
        if (config == null || config.userId() == null || config.userId().isBlank()) {
            throw invalid("it has no config.userId (spec §3.1)");
        }
        if (cookies.isEmpty()) {
            LOG.warning(() -> "login of " + key + " at " + loginHost + " set no cookie; refresh and logout will fail");
        }
        Optional<String> userPid = Optional.ofNullable(config.userPid()).filter(pid -> !pid.isBlank());
        try {
            Session session = new Session(key, loginHost, answer.bearer(), answer.csrf(), cookies, config.userId(),
                    userPid, now, now, maxLifetime(answer.sessionTTl()), 0);
            return new LoggedIn(session, services(key.account(), answer));
        } catch (IllegalArgumentException unusable) {
            throw invalid(unusable.getMessage());
        }
    }

    /** {@code sessionTTl}: a string of milliseconds; missing or unparsable means unknown (spec §3.1 decision). */
    static Optional<Duration> maxLifetime(String sessionTTl) {
        if (sessionTTl == null || !sessionTTl.strip().matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        long millis = Long.parseLong(sessionTTl.strip());
        return millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
    }

    // The hosts a login answer carries only seed the lookup cache, so an unusable entry is skipped, not fatal:
    // it is never connected to, and a later lookup asks the Domain API itself.
    private static Map<ServiceName, ServiceHost> services(AccountId account, LoginAnswerJson answer) {
        Map<ServiceName, ServiceHost> services = new LinkedHashMap<>();
        if (answer.csdsCollectionResponse() == null || answer.csdsCollectionResponse().baseURIs() == null) {
            return services;
        }
        for (BaseUriJson entry : answer.csdsCollectionResponse().baseURIs()) {
            if (entry == null || entry.account() != null && !entry.account().equals(account.value())) {
                continue;
            }
            try {
                services.put(ServiceName.of(entry.service()), ServiceHost.of(entry.baseURI()));
            } catch (IllegalArgumentException | NullPointerException unusable) {
                LOG.warning(() -> "login answer: skipped an unusable csdsCollectionResponse entry for service '"
                        + Printable.of(entry.service(), 64) + "': " + unusable.getMessage());
            }
        }
        return services;
    }

    /**
     * Refuses a token that is not one HTTP header value of sane length: a line break in it would inject headers into
     * every call that carries it, and a huge one would be sent (and stored, and printed) on every call. The message
     * says what is wrong, never the value.
     */
    private static void requireHeaderValue(String what, Secret token) {
        String value = token.reveal();
        if (value.length() > MAX_TOKEN_CHARS) {
            throw invalid("its " + what + " is not one HTTP header value of sane length (" + value.length()
                    + " characters, at most " + MAX_TOKEN_CHARS + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw invalid("its " + what + " is not one HTTP header value: it holds a control character, a space"
                        + " or a non-ASCII character (at position " + i + ")");
            }
        }
    }

    private static ProtocolViolationException invalid(String why) {
        return new ProtocolViolationException(Operation.LOGIN, "the login answer cannot be used: " + why);
    }
}
