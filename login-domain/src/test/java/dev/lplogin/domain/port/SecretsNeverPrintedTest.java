package dev.lplogin.domain.port;

import static dev.lplogin.domain.model.SessionFixtures.ISSUED_AT;
import static dev.lplogin.domain.model.SessionFixtures.KEY;
import static dev.lplogin.domain.model.SessionFixtures.LOGIN_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionCookie;
import dev.lplogin.domain.model.SessionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spec §4: secrets never appear in toString(). Every value that can hold a {@link Secret} is built with distinctive
 * secret values, and none of them may show up when the value is printed.
 */
class SecretsNeverPrintedTest {

    // Distinctive values, so that a match can only come from printing the secret itself.
    private static final List<String> SECRETS = List.of("pw-5f2c81d0", "client-secret-9a7e3b", "app-secret-44c1d2",
            "access-token-77e0aa", "token-secret-1b9f6c", "bearer-3e8d9b7c", "csrf-6a0f2e4d", "cookie-c91d7e55",
            "cookie2-8b3a1f09");

    private static Secret secret(int i) {
        return Secret.of(SECRETS.get(i));
    }

    @SuppressWarnings("deprecation") // LegacyOAuth1 holds three secrets, so it must be covered too
    static Stream<Arguments> valuesHoldingSecrets() {
        Session session = new Session(KEY, LOGIN_HOST, secret(5), secret(6),
                List.of(new SessionCookie("Session_id", secret(7)), new SessionCookie("other", secret(8))),
                "3705342610", Optional.of("pid"), ISSUED_AT, ISSUED_AT, Optional.of(Duration.ofHours(8)), 4);
        return Stream.of(
                Arguments.of("UserPassword", new Credentials.UserPassword("alice", secret(0))),
                Arguments.of("OAuth2Client", new Credentials.OAuth2Client("bot", "client-id", secret(1))),
                Arguments.of("LegacyOAuth1",
                        new Credentials.LegacyOAuth1("bot", "app-key", secret(2), secret(3), secret(4))),
                Arguments.of("SessionCookie", new SessionCookie("Session_id", secret(7))),
                Arguments.of("Session", session),
                Arguments.of("Session confirmed with a new cookie",
                        session.confirmedAt(ISSUED_AT.plusSeconds(1), List.of(new SessionCookie("x", secret(8))))),
                Arguments.of("SessionInfo", SessionInfo.of(session, Freshness.FRESH)),
                Arguments.of("LoggedIn", new LoggedIn(session, Map.of())),
                Arguments.of("Refreshed", new Refreshed(session)),
                Arguments.of("SaveResult.Saved", new SaveResult.Saved(session)),
                Arguments.of("SaveResult.Conflict", new SaveResult.Conflict(Optional.of(session))),
                Arguments.of("Lease", new Lease(session.key(), "lease-token", 1, ISSUED_AT)),
                Arguments.of("a list of sessions", List.of(session, session.withVersion(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesHoldingSecrets")
    void to_string_shows_no_secret(String what, Object value) {
        String printed = value.toString();

        assertThat(SECRETS).allSatisfy(s -> assertThat(printed).as(what + " printed as: " + printed).doesNotContain(s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesHoldingSecrets")
    void to_string_still_says_what_it_is(String what, Object value) {
        // Guards the test itself: a value printing nothing at all would pass the check above for the wrong reason.
        assertThat(value.toString()).isNotBlank().hasSizeGreaterThan(10);
    }
}
