package dev.lplogin.adapter.http;

import dev.lplogin.adapter.http.json.BaseUriJson;
import dev.lplogin.adapter.http.json.LoginAnswerJson;
import dev.lplogin.adapter.http.json.LoginConfigJson;
import dev.lplogin.domain.model.AccountId;
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

    private static ProtocolViolationException invalid(String why) {
        return new ProtocolViolationException(Operation.LOGIN, "the login answer cannot be used: " + why);
    }
}
