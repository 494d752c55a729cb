package dev.lplogin.domain.model;

import static dev.lplogin.domain.model.SessionFixtures.ISSUED_AT;
import static dev.lplogin.domain.model.SessionFixtures.KEY;
import static dev.lplogin.domain.model.SessionFixtures.LOGIN_HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionInfoTest {

    @Test
    void of_copies_everything_but_the_secrets_and_adds_the_freshness() {
        Session session = SessionFixtures.session(ISSUED_AT.plusSeconds(90), Optional.of(Duration.ofHours(8)));

        SessionInfo info = SessionInfo.of(session, Freshness.STALE);

        assertThat(info).isEqualTo(new SessionInfo(KEY, LOGIN_HOST, "3705342610", ISSUED_AT,
                ISSUED_AT.plusSeconds(90), Optional.of(Duration.ofHours(8)), Freshness.STALE));
    }

    @Test
    void has_no_component_that_could_hold_a_secret() {
        assertThat(SessionInfo.class.getRecordComponents())
                .<Class<?>>extracting(c -> c.getType())
                .doesNotContain(Secret.class, SessionCookie.class, Session.class, java.util.List.class);
    }

    @Test
    void rejects_nulls_naming_the_field() {
        Optional<Duration> none = Optional.empty();
        assertThatThrownBy(() -> new SessionInfo(null, LOGIN_HOST, "u", ISSUED_AT, ISSUED_AT, none, Freshness.FRESH))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> new SessionInfo(KEY, null, "u", ISSUED_AT, ISSUED_AT, none, Freshness.FRESH))
                .isInstanceOf(NullPointerException.class).hasMessage("login host");
        assertThatThrownBy(() -> new SessionInfo(KEY, LOGIN_HOST, null, ISSUED_AT, ISSUED_AT, none, Freshness.FRESH))
                .isInstanceOf(NullPointerException.class).hasMessage("user id");
        assertThatThrownBy(() -> new SessionInfo(KEY, LOGIN_HOST, "u", null, ISSUED_AT, none, Freshness.FRESH))
                .isInstanceOf(NullPointerException.class).hasMessage("issued at");
        assertThatThrownBy(() -> new SessionInfo(KEY, LOGIN_HOST, "u", ISSUED_AT, null, none, Freshness.FRESH))
                .isInstanceOf(NullPointerException.class).hasMessage("last confirmed at");
        assertThatThrownBy(() -> new SessionInfo(KEY, LOGIN_HOST, "u", ISSUED_AT, ISSUED_AT, null, Freshness.FRESH))
                .isInstanceOf(NullPointerException.class).hasMessage("max lifetime");
        assertThatThrownBy(() -> new SessionInfo(KEY, LOGIN_HOST, "u", ISSUED_AT, ISSUED_AT, none, null))
                .isInstanceOf(NullPointerException.class).hasMessage("freshness");
    }
}
