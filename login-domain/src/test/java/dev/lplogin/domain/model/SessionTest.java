package dev.lplogin.domain.model;

import static dev.lplogin.domain.model.SessionFixtures.ISSUED_AT;
import static dev.lplogin.domain.model.SessionFixtures.cookie;
import static dev.lplogin.domain.model.SessionFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final Secret BEARER = Secret.of("b");
    private static final Secret CSRF = Secret.of("c");

    @Nested
    class Cookies {

        @Test
        void keeps_one_cookie_per_name_the_newest_winning_in_first_seen_order() {
            Session s = session(BEARER, CSRF, List.of(cookie("a", "1"), cookie("b", "2"), cookie("a", "3")));

            assertThat(s.cookies()).containsExactly(cookie("a", "3"), cookie("b", "2"));
        }

        @Test
        void copies_the_given_list_and_cannot_be_changed() {
            List<SessionCookie> given = new ArrayList<>(List.of(cookie("a", "1")));
            Session s = session(BEARER, CSRF, given);
            given.add(cookie("b", "2"));

            assertThat(s.cookies()).containsExactly(cookie("a", "1"));
            assertThatThrownBy(() -> s.cookies().add(cookie("c", "3")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void may_be_empty() {
            assertThat(session(BEARER, CSRF, List.of()).cookies()).isEmpty();
        }

        @Test
        void rejects_a_null_list_or_a_null_cookie() {
            assertThatThrownBy(() -> session(BEARER, CSRF, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("cookies");
            assertThatThrownBy(() -> session(BEARER, CSRF, Arrays.asList(cookie("a", "1"), null)))
                    .isInstanceOf(NullPointerException.class).hasMessage("cookie");
        }
    }

    @Nested
    class Checks {

        private final Session s = session();

        @Test
        void rejects_null_parts_naming_them() {
            assertNpe(() -> new Session(null, s.loginHost(), BEARER, CSRF, List.of(), "u", Optional.empty(),
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "key");
            assertNpe(() -> new Session(s.key(), null, BEARER, CSRF, List.of(), "u", Optional.empty(),
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "login host");
            assertNpe(() -> new Session(s.key(), s.loginHost(), null, CSRF, List.of(), "u", Optional.empty(),
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "bearer");
            assertNpe(() -> new Session(s.key(), s.loginHost(), BEARER, null, List.of(), "u", Optional.empty(),
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "csrf");
            assertNpe(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), null, Optional.empty(),
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "user id");
            assertNpe(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), "u", null,
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "user pid (use Optional.empty())");
            assertNpe(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), "u", Optional.empty(),
                    null, ISSUED_AT, Optional.empty(), 0), "issued at");
            assertNpe(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), "u", Optional.empty(),
                    ISSUED_AT, null, Optional.empty(), 0), "last confirmed at");
            assertNpe(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), "u", Optional.empty(),
                    ISSUED_AT, ISSUED_AT, null, 0), "max lifetime (use Optional.empty())");
        }

        @Test
        void rejects_a_blank_or_too_long_user_id() {
            assertIae(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), " ", Optional.empty(),
                    ISSUED_AT, ISSUED_AT, Optional.empty(), 0), "user id must not be blank");
            assertIae(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), "1".repeat(257),
                    Optional.empty(), ISSUED_AT, ISSUED_AT, Optional.empty(), 0),
                    "user id must be at most 256 characters, got 257");
        }

        @Test
        void rejects_a_confirmation_before_the_login() {
            assertIae(() -> new Session(s.key(), s.loginHost(), BEARER, CSRF, List.of(), "u", Optional.empty(),
                    ISSUED_AT, ISSUED_AT.minusNanos(1), Optional.empty(), 0),
                    "a session cannot be confirmed before it was issued");
        }

        @Test
        void rejects_a_max_lifetime_that_is_not_positive() {
            assertIae(() -> session(ISSUED_AT, Optional.of(Duration.ZERO)), "max lifetime must be positive, got PT0S");
            assertIae(() -> session(ISSUED_AT, Optional.of(Duration.ofSeconds(-1))),
                    "max lifetime must be positive, got PT-1S");
            assertThat(session(ISSUED_AT, Optional.of(Duration.ofNanos(1))).maxLifetime())
                    .contains(Duration.ofNanos(1));
        }

        @Test
        void rejects_a_negative_version() {
            assertIae(() -> s.withVersion(-1), "version must be >= 0, got -1");
            assertThat(s.withVersion(0).version()).isZero();
        }

        private void assertNpe(Runnable construct, String message) {
            assertThatThrownBy(construct::run).isInstanceOf(NullPointerException.class).hasMessage(message);
        }

        private void assertIae(Runnable construct, String message) {
            assertThatThrownBy(construct::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        }
    }

    @Nested
    class Changes {

        private final Session s = session(BEARER, CSRF, List.of(cookie("Session_id", "old"), cookie("lang", "en")));

        @Test
        void confirmed_at_moves_last_confirmed_and_merges_set_cookies_by_name() {
            Instant later = ISSUED_AT.plusSeconds(240);

            Session confirmed = s.confirmedAt(later, List.of(cookie("Session_id", "new"), cookie("extra", "x")));

            assertThat(confirmed.lastConfirmedAt()).isEqualTo(later);
            assertThat(confirmed.cookies())
                    .containsExactly(cookie("Session_id", "new"), cookie("lang", "en"), cookie("extra", "x"));
            assertThat(confirmed).usingRecursiveComparison().ignoringFields("lastConfirmedAt", "cookies").isEqualTo(s);
        }

        @Test
        void confirmed_at_with_no_cookies_keeps_the_old_ones_and_the_original_is_unchanged() {
            Session confirmed = s.confirmedAt(ISSUED_AT.plusSeconds(1), List.of());

            assertThat(confirmed.cookies()).isEqualTo(s.cookies());
            assertThat(s.lastConfirmedAt()).isEqualTo(ISSUED_AT);
        }

        @Test
        void confirmed_at_never_moves_last_confirmed_backwards() {
            Session confirmed = s.confirmedAt(ISSUED_AT.plusSeconds(100), List.of());

            assertThat(confirmed.confirmedAt(ISSUED_AT.plusSeconds(50), List.of()).lastConfirmedAt())
                    .isEqualTo(ISSUED_AT.plusSeconds(100));
            assertThat(s.confirmedAt(ISSUED_AT.minusSeconds(10), List.of()).lastConfirmedAt()).isEqualTo(ISSUED_AT);
        }

        @Test
        void confirmed_at_keeps_the_version_and_rejects_nulls() {
            assertThat(s.withVersion(7).confirmedAt(ISSUED_AT.plusSeconds(1), List.of()).version()).isEqualTo(7);
            assertThatThrownBy(() -> s.confirmedAt(null, List.of())).isInstanceOf(NullPointerException.class)
                    .hasMessage("at");
            assertThatThrownBy(() -> s.confirmedAt(ISSUED_AT, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void with_version_changes_only_the_version() {
            Session v3 = s.withVersion(3);

            assertThat(v3.version()).isEqualTo(3);
            assertThat(v3).usingRecursiveComparison().ignoringFields("version").isEqualTo(s);
            assertThat(s.version()).isZero();
        }

        @Test
        void expires_at_is_issued_at_plus_max_lifetime_when_known() {
            assertThat(session(ISSUED_AT, Optional.of(Duration.ofHours(8))).expiresAt())
                    .contains(ISSUED_AT.plus(Duration.ofHours(8)));
            assertThat(s.expiresAt()).isEmpty();
        }
    }

    /** spec §3.2, §3.5: fresh until refreshAfter, stale until idleTimeout, expired from then or past max lifetime. */
    @Nested
    class FreshnessAt {

        private static final Duration REFRESH_AFTER = Duration.ofMinutes(4);
        private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

        private final Instant confirmed = ISSUED_AT.plus(Duration.ofHours(1));
        private final Session s = session(confirmed, Optional.empty());

        private Freshness at(Session session, Instant now) {
            return session.freshnessAt(now, REFRESH_AFTER, IDLE_TIMEOUT);
        }

        @Test
        void fresh_from_confirmation_until_just_before_refresh_after() {
            assertThat(at(s, confirmed)).isEqualTo(Freshness.FRESH);
            assertThat(at(s, confirmed.plus(REFRESH_AFTER).minusNanos(1)))
                    .isEqualTo(Freshness.FRESH);
        }

        @Test
        void stale_from_refresh_after_until_just_before_idle_timeout() {
            assertThat(at(s, confirmed.plus(REFRESH_AFTER))).isEqualTo(Freshness.STALE);
            assertThat(at(s, confirmed.plus(IDLE_TIMEOUT).minusNanos(1)))
                    .isEqualTo(Freshness.STALE);
        }

        @Test
        void expired_from_idle_timeout_on() {
            assertThat(at(s, confirmed.plus(IDLE_TIMEOUT))).isEqualTo(Freshness.EXPIRED);
            assertThat(at(s, confirmed.plus(Duration.ofDays(3)))).isEqualTo(Freshness.EXPIRED);
        }

        @Test
        void expired_at_the_end_of_its_max_lifetime_even_if_just_confirmed() {
            Duration ttl = Duration.ofHours(8);
            Instant end = ISSUED_AT.plus(ttl);
            Session old = session(end.minusSeconds(60), Optional.of(ttl));

            assertThat(at(old, end.minusNanos(1))).isEqualTo(Freshness.FRESH);
            assertThat(at(old, end)).isEqualTo(Freshness.EXPIRED);
        }

        @Test
        void a_clock_behind_the_confirmation_still_counts_as_fresh() {
            assertThat(at(s, confirmed.minusSeconds(5))).isEqualTo(Freshness.FRESH);
        }

        @Test
        void refresh_after_longer_than_idle_timeout_never_reports_stale() {
            // The lifecycle's settings forbid this; the computation still must not call a dead session usable.
            assertThat(s.freshnessAt(confirmed.plus(IDLE_TIMEOUT), IDLE_TIMEOUT.plusMinutes(1), IDLE_TIMEOUT))
                    .isEqualTo(Freshness.EXPIRED);
        }
    }
}
