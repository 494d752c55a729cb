package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small wire rules: Set-Cookie parsing, the Cookie header, Retry-After and sessionTTl. */
class WireFormatTest {

    @Test
    void set_cookie_keeps_name_and_value_and_ignores_attributes_and_deletions() {
        List<SessionCookie> cookies = Cookies.parse(List.of("Session_id=abc123; Path=/; Secure; HttpOnly",
                "other = x=y ; Max-Age=5", "gone=; Max-Age=0", "no-equals-sign", "bad name=1"));

        assertThat(cookies).extracting(SessionCookie::name).containsExactly("Session_id", "other");
        assertThat(cookies.get(0).value().reveal()).isEqualTo("abc123");
        assertThat(cookies.get(1).value().reveal()).isEqualTo("x=y");
        assertThat(Cookies.header(cookies)).contains("Session_id=abc123; other=x=y");
        assertThat(Cookies.header(List.of())).isEmpty();
    }

    @Test
    void retry_after_is_seconds_or_a_date_and_never_below_the_floor() {
        Instant now = Instant.parse("2026-03-01T09:00:00Z");
        Duration floor = Duration.ofSeconds(5);

        assertThat(RetryAfter.wait(Optional.of("12"), now, floor)).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryAfter.wait(Optional.of("2"), now, floor)).isEqualTo(floor);
        assertThat(RetryAfter.wait(Optional.empty(), now, floor)).isEqualTo(floor);
        assertThat(RetryAfter.wait(Optional.of("soon"), now, floor)).isEqualTo(floor);
        assertThat(RetryAfter.wait(Optional.of("Sun, 01 Mar 2026 09:00:30 GMT"), now, floor))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void session_ttl_is_a_string_of_milliseconds_and_anything_else_means_unknown() {
        assertThat(LoginAnswers.maxLifetime("28800000")).contains(Duration.ofHours(8));
        assertThat(LoginAnswers.maxLifetime(null)).isEmpty();
        assertThat(LoginAnswers.maxLifetime("8h")).isEmpty();
        assertThat(LoginAnswers.maxLifetime("0")).isEmpty();
    }

    @Test
    void a_re_set_cookie_replaces_the_old_one_of_the_same_name() {
        List<SessionCookie> old = List.of(new SessionCookie("Session_id", Secret.of("old")));
        List<SessionCookie> reset = Cookies.parse(List.of("Session_id=new; Path=/"));

        assertThat(Cookies.header(merge(old, reset))).contains("Session_id=new");
    }

    private static List<SessionCookie> merge(List<SessionCookie> old, List<SessionCookie> newer) {
        var session = new dev.lplogin.domain.model.Session(dev.lplogin.domain.model.SessionKey.of("1", "u"),
                dev.lplogin.domain.model.ServiceHost.of("h"), Secret.of("b"), Secret.of("c"), old, "1",
                Optional.empty(), Instant.EPOCH, Instant.EPOCH, Optional.empty(), 0);
        return session.confirmedAt(Instant.EPOCH, newer).cookies();
    }
}
