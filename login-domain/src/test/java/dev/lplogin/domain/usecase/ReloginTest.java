package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dead session is replaced by one re-login; a failed refresh never disturbs a valid bearer (spec §1 step 5). */
class ReloginTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void a_session_the_service_dropped_is_replaced_by_exactly_one_relogin() {
        LoginUseCase core = rig.core();
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.gateway.kill(KEY);

        rig.advance(Duration.ofMinutes(5)); // keep-alive refresh → 401 → re-login

        Secret second = core.bearer(KEY);
        assertThat(second).isNotEqualTo(first);
        assertThat(rig.gateway.isLive(second)).isTrue();
        assertThat(rig.gateway.logins).hasValue(2);
        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(rig.listener.of(SessionEvent.RefreshFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("401"));
        assertThat(rig.listener.of(SessionEvent.LoggedIn.class)).extracting(SessionEvent.LoggedIn::relogin)
                .containsExactly(false, true);
        assertThat(rig.store.peek(KEY)).get().satisfies(s -> assertThat(s.bearer()).isEqualTo(second));
    }

    @Test
    void an_explicit_refresh_of_a_dead_session_logs_in_again_and_the_caller_never_sees_the_401() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.gateway.kill(KEY);

        var info = core.refresh(KEY);

        assertThat(info.issuedAt()).isEqualTo(rig.clock.instant());
        assertThat(core.bearer(KEY)).isNotEqualTo(first);
        assertThat(rig.gateway.logins).hasValue(2);
    }

    @Test
    void a_failed_refresh_keeps_the_still_valid_bearer_and_is_retried() {
        LoginUseCase core = rig.core();
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.gateway.refreshOutage = true;

        rig.advance(Duration.ofMinutes(5));
        assertThat(core.bearer(KEY)).isEqualTo(bearer);
        assertThat(rig.listener.of(SessionEvent.RefreshFailed.class)).isNotEmpty();
        assertThatThrownBy(() -> core.refresh(KEY)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(core.bearer(KEY)).isEqualTo(bearer);

        rig.gateway.refreshOutage = false;
        int before = rig.gateway.refreshes.get();
        rig.advance(Duration.ofMinutes(2));
        assertThat(rig.gateway.refreshes.get()).as("keep-alive tried again by itself").isGreaterThan(before);
        assertThat(rig.listener.events.getLast()).isInstanceOf(SessionEvent.Refreshed.class);
        assertThat(core.bearer(KEY)).isEqualTo(bearer);
        assertThat(rig.gateway.logins).hasValue(1);
    }

    @Test
    void stale_reads_during_a_refresh_outage_do_not_hammer_the_service() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.gateway.refreshOutage = true;
        rig.advance(Duration.ofMinutes(5));

        for (int i = 0; i < 100; i++) {
            assertThat(core.bearer(KEY)).isEqualTo(bearer);
        }
        assertThat(rig.gateway.refreshes).as("one failed refresh, then a pause").hasValue(1);

        rig.gateway.refreshOutage = false;
        rig.clock.advance(Duration.ofMinutes(2)); // past the pause (a quarter interval + jitter)
        assertThat(core.bearer(KEY)).isEqualTo(bearer);
        assertThat(rig.gateway.refreshes).hasValue(2);
        assertThat(core.session(KEY)).map(SessionInfo::freshness).contains(Freshness.FRESH);
    }

    @Test
    void invalidate_of_the_current_bearer_causes_one_relogin_and_stale_reports_are_ignored() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();

        core.invalidate(KEY, first);
        Secret second = core.bearer(KEY);
        core.invalidate(KEY, first); // another caller reporting the same old 401
        core.invalidate(Rig.key(7), first); // unknown key: nothing happens

        assertThat(second).isNotEqualTo(first);
        assertThat(core.bearer(KEY)).isEqualTo(second);
        assertThat(rig.gateway.logins).hasValue(2);
    }

    @Test
    void fresh_sessions_killed_again_and_again_raise_a_competing_login_warning() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, CREDENTIALS);

        for (int i = 0; i < 3; i++) {
            rig.gateway.kill(KEY); // another process logs in as the same user
            rig.advance(Duration.ofMinutes(5)); // our next keep-alive refresh finds out and logs in again
        }

        assertThat(rig.gateway.logins).hasValue(4);
        assertThat(rig.listener.of(SessionEvent.CompetingLogin.class)).singleElement().satisfies(e -> {
            assertThat(e.killedRecently()).isEqualTo(3);
            assertThat(e.advice()).contains("same user").contains("share one session store");
        });
    }

    @Test
    void a_session_killed_after_a_long_life_is_no_competing_login() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, CREDENTIALS);
        for (int i = 0; i < 3; i++) {
            rig.advance(Duration.ofMinutes(40));
            rig.gateway.kill(KEY);
            rig.advance(Duration.ofMinutes(5));
        }
        assertThat(rig.gateway.logins).hasValue(4);
        assertThat(rig.listener.of(SessionEvent.CompetingLogin.class)).isEmpty();
    }

    @Test
    void a_dropped_session_without_held_credentials_asks_the_caller_to_log_in_again() {
        rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session());
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        core.bearer(KEY); // reused from the store; this process holds no credentials
        rig.gateway.kill(KEY);
        rig.clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> core.refresh(KEY)).isInstanceOfSatisfying(SessionUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_LOGGED_IN));
        assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOf(SessionUnavailableException.class);
        assertThat(rig.gateway.logins).hasValue(0);
        assertThat(rig.store.peek(KEY)).as("the dead session is not left for others").isEmpty();
    }

    @Test
    void a_failing_listener_never_breaks_the_lifecycle() {
        LoginUseCase core = LoginCore.create(rig.lookup, rig.gateway, rig.store, event -> {
            throw new IllegalStateException("listener bug");
        }, rig.settings().build());
        try (core) {
            Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
            rig.gateway.kill(KEY);
            rig.advance(Duration.ofMinutes(5));
            assertThat(core.bearer(KEY)).isNotEqualTo(first);
            assertThat(rig.gateway.logins).hasValue(2);
        }
    }
}
