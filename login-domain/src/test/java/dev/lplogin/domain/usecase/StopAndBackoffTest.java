package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rejected and blocked stop all attempts; outages switch to LivePerson's long-interval retry (spec §3.4). */
class StopAndBackoffTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    enum Refusal {
        REJECTED(new CredentialsRejected("bad password"), Reason.CREDENTIALS_REJECTED),
        BLOCKED(new Blocked("blocked by support"), Reason.BLOCKED);

        final LoginOutcome answer;
        final Reason reason;

        Refusal(LoginOutcome answer, Reason reason) {
            this.answer = answer;
            this.reason = reason;
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void a_refused_login_is_one_upstream_call_over_thirty_minutes_and_every_later_call_fails_fast(Refusal refusal) {
        LoginUseCase core = rig.core();
        rig.gateway.loginAnswer = () -> refusal.answer;

        assertThat(core.login(ACCOUNT, CREDENTIALS)).isEqualTo(refusal.answer);
        for (int minute = 0; minute < 30; minute++) {
            assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOfSatisfying(SessionUnavailableException.class,
                    e -> assertThat(e.reason()).isEqualTo(refusal.reason));
            assertThatThrownBy(() -> core.refresh(KEY)).isInstanceOf(SessionUnavailableException.class);
            rig.advance(Duration.ofMinutes(1));
        }

        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(rig.listener.of(SessionEvent.GaveUp.class)).singleElement();
    }

    @Test
    void a_rejected_key_works_again_after_a_login_with_new_credentials() {
        LoginUseCase core = rig.core();
        rig.gateway.loginAnswer = () -> new CredentialsRejected("");
        core.useCredentials(ACCOUNT, CREDENTIALS);
        assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOfSatisfying(SessionUnavailableException.class,
                e -> assertThat(e.getMessage()).contains("rejected the credentials").doesNotContain("pw-1"));

        rig.gateway.loginAnswer = null;
        LoginOutcome outcome = core.login(ACCOUNT, new Credentials.UserPassword("bot", Secret.of("pw-2")));

        assertThat(outcome).isInstanceOf(LoggedIn.class);
        assertThat(core.bearer(KEY)).isEqualTo(((LoggedIn) outcome).session().bearer());
    }

    @Test
    void repeated_outages_follow_the_long_interval_schedule_and_never_go_faster() {
        LoginUseCase core = rig.core();
        rig.gateway.loginAnswer = () -> {
            throw new ServiceUnavailableException(Operation.LOGIN, "HTTP 503 after 3 retries");
        };
        core.useCredentials(ACCOUNT, CREDENTIALS);

        List<SessionUnavailableException> seen = new ArrayList<>();
        Instant end = rig.clock.instant().plus(Duration.ofHours(3));
        while (rig.clock.instant().isBefore(end)) { // an impatient caller asks every 10 seconds
            try {
                core.bearer(KEY);
            } catch (SessionUnavailableException e) {
                seen.add(e);
            }
            rig.advance(Duration.ofSeconds(10));
        }

        List<Instant> attempts = rig.gateway.loginTimes;
        // 3 failed logins (spec §3.4), then 2, 4, 8, 16, 32, 32 … minutes, stretched by at most 10 % jitter:
        // 2+4+8+16+32+32+32+32 = 158 min (≤ 174 with jitter) fit into 3 hours, one more would not
        assertThat(attempts).hasSize(11);
        for (int i = 3; i < attempts.size(); i++) {
            Duration floor = Duration.ofMinutes(Math.min(2L << (i - 3), 32));
            assertThat(Duration.between(attempts.get(i - 1), attempts.get(i))).as("gap before attempt %d", i + 1)
                    .isBetween(floor, floor.plus(floor.dividedBy(10)));
        }
        assertThat(seen).hasSizeGreaterThan(1000)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(seen.getLast().nextAttemptAt()).get()
                .satisfies(next -> assertThat(next).isAfterOrEqualTo(attempts.getLast().plus(Duration.ofMinutes(32))));
        assertThat(seen.getLast().getMessage()).contains("next attempt at");
    }

    @Test
    void after_the_outage_the_background_retry_logs_in_and_callers_get_a_bearer() {
        LoginUseCase core = rig.core();
        rig.gateway.loginAnswer = () -> {
            throw new ServiceUnavailableException(Operation.LOGIN, "HTTP 503");
        };
        core.useCredentials(ACCOUNT, CREDENTIALS);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOf(SessionUnavailableException.class);
        }
        int attempts = rig.gateway.logins.get();
        assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOfSatisfying(SessionUnavailableException.class,
                e -> assertThat(e.nextAttemptAt()).isPresent());
        assertThat(rig.gateway.logins).as("during back-off callers fail fast").hasValue(attempts);

        rig.gateway.loginAnswer = null;
        rig.advance(Duration.ofMinutes(3));

        assertThat(rig.gateway.logins).hasValue(attempts + 1);
        Secret bearer = core.bearer(KEY);
        assertThat(rig.gateway.isLive(bearer)).as("the background retry's session").isTrue();
        assertThat(rig.store.peek(KEY)).get().extracting(Session::bearer).isEqualTo(bearer);
        assertThat(rig.gateway.logins).hasValue(attempts + 1);
    }

    @Test
    void an_explicit_login_during_an_outage_throws_the_ports_exception() {
        LoginUseCase core = rig.core();
        rig.gateway.loginAnswer = () -> {
            throw new ServiceUnavailableException(Operation.LOGIN, "HTTP 503");
        };

        assertThatThrownBy(() -> core.login(ACCOUNT, CREDENTIALS))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("503");
    }

    @Test
    void an_explicit_login_replaces_the_held_session() {
        LoginUseCase core = rig.core();
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();

        Secret second = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();

        assertThat(second).isNotEqualTo(first);
        assertThat(core.bearer(KEY)).isEqualTo(second);
        assertThat(rig.store.peek(KEY)).get().extracting(Session::bearer).isEqualTo(second);
    }

    @Test
    void a_rate_limited_login_waits_for_retry_after_without_upstream_calls() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        rig.gateway.loginAnswer = () -> new RateLimited(Duration.ofSeconds(30));
        Instant start = rig.clock.instant();

        assertThat(core.login(ACCOUNT, CREDENTIALS)).isInstanceOf(RateLimited.class);
        rig.clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOfSatisfying(SessionUnavailableException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(e.nextAttemptAt()).contains(start.plusSeconds(30));
        });
        assertThat(rig.gateway.logins).hasValue(1);

        rig.gateway.loginAnswer = null;
        rig.clock.advance(Duration.ofSeconds(1));
        Secret bearer = core.bearer(KEY);
        assertThat(rig.gateway.isLive(bearer)).as("a new login once retry-after passed").isTrue();
        assertThat(rig.gateway.logins).hasValue(2);
    }

    @Test
    void a_relogin_answered_blocked_stops_the_key_for_good() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, CREDENTIALS);
        FakeAuthGateway blocking = rig.gateway;
        blocking.kill(KEY);
        blocking.loginAnswer = () -> new Blocked("");

        rig.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOfSatisfying(SessionUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BLOCKED));
        assertThat(rig.gateway.logins).hasValue(2);
        assertThat(rig.scheduler.pending()).as("keep-alive stopped").isZero();
    }
}
