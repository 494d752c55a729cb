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
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Freshness is computed, never guessed (spec §3.2, §3.5): what {@code bearer()} does in each state. */
class BearerTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void a_fresh_bearer_is_handed_out_without_any_upstream_call() {
        LoginUseCase core = rig.core();
        LoggedIn loggedIn = (LoggedIn) core.login(ACCOUNT, CREDENTIALS);

        for (int i = 0; i < 1_000; i++) {
            assertThat(core.bearer(KEY)).isEqualTo(loggedIn.session().bearer());
        }
        rig.clock.advance(Duration.ofMinutes(3)); // still within the 4-minute refresh interval
        assertThat(core.bearer(KEY)).isEqualTo(loggedIn.session().bearer());

        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(rig.gateway.refreshes).hasValue(0);
        assertThat(rig.lookup.lookups).hasValue(1);
        assertThat(rig.lookup.seeds).as("the login answer's services seed the domain lookup").hasSize(1);
    }

    @Test
    void a_stale_bearer_is_handed_out_at_once_while_one_refresh_runs_in_the_background() {
        QueueExecutor network = new QueueExecutor();
        LoginUseCase core = rig.core(rig.settings().executor(network).keepAlive(false));
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        network.hold();
        rig.advance(Duration.ofMinutes(4).plusSeconds(1)); // the scheduler moves the key from fresh to stale

        for (int i = 0; i < 200; i++) {
            assertThat(core.bearer(KEY)).isEqualTo(bearer);
        }
        assertThat(rig.gateway.refreshes).as("no caller ran or waited for the refresh").hasValue(0);
        assertThat(network.queued()).as("one refresh for 200 stale reads").isEqualTo(1);

        network.runAll();
        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(core.session(KEY)).map(SessionInfo::freshness).contains(Freshness.FRESH);
        assertThat(rig.listener.of(SessionEvent.Refreshed.class)).hasSize(1);
        network.release();
    }

    @Test
    void fresh_bearers_are_read_without_waiting_while_a_login_of_the_same_key_hangs_upstream() throws Exception {
        LoginUseCase core = rig.concurrentCore();
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.gateway.loginGate = new CountDownLatch(1); // the next login hangs inside the gateway...
        Thread relogin = Thread.ofPlatform().start(() -> core.login(ACCOUNT, CREDENTIALS));
        Threads.awaitTrue(() -> rig.gateway.logins.get() == 2, "the second login is upstream");

        // ...yet the hot path takes no lock the login holds: 8 threads x 100,000 reads all finish, unblocked.
        List<Boolean> sameBearer = Threads.start(8, () -> {
            boolean same = true;
            for (int i = 0; i < 100_000; i++) {
                same &= core.bearer(KEY).equals(bearer);
            }
            return same;
        }).join(Duration.ofSeconds(20));

        assertThat(sameBearer).hasSize(8).containsOnly(true);
        assertThat(relogin.isAlive()).as("the login is still held open upstream").isTrue();
        assertThat(rig.gateway.refreshes).hasValue(0);
        rig.gateway.loginGate.countDown();
        relogin.join(Duration.ofSeconds(20));
        assertThat(core.bearer(KEY)).as("the new login replaced the session").isNotEqualTo(bearer);
    }

    @Test
    void two_hundred_threads_asking_for_an_expired_session_cause_exactly_one_login() throws Exception {
        LoginUseCase core = rig.concurrentCore();
        Secret old = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.advance(Duration.ofMinutes(31)); // past the assumed idle timeout: EXPIRED
        rig.gateway.loginGate = new CountDownLatch(1);

        Threads.Crowd<Secret> crowd = Threads.start(200, () -> core.bearer(KEY));
        Threads.awaitTrue(crowd::allParked, "all 200 callers wait for the login");
        rig.gateway.loginGate.countDown();
        List<Secret> bearers = crowd.join(Duration.ofSeconds(20));

        assertThat(rig.gateway.logins).as("logins upstream: the first one plus one re-login").hasValue(2);
        assertThat(bearers).hasSize(200).doesNotContain(old).containsOnly(bearers.get(0));
        assertThat(rig.gateway.isLive(bearers.get(0))).isTrue();
    }

    @Test
    void two_hundred_threads_at_stale_cause_exactly_one_refresh_and_none_waits_for_it() throws Exception {
        LoginUseCase core = rig.concurrentCore();
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.advance(Duration.ofMinutes(4).plusSeconds(30));
        rig.gateway.refreshGate = new CountDownLatch(1); // the refresh hangs until every caller has its bearer

        List<Secret> bearers = Threads.start(200, () -> core.bearer(KEY)).join(Duration.ofSeconds(20));
        assertThat(bearers).hasSize(200).containsOnly(bearer);

        rig.gateway.refreshGate.countDown();
        Threads.awaitTrue(() -> !rig.listener.of(SessionEvent.Refreshed.class).isEmpty(), "the refresh ends");
        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(core.bearer(KEY)).isEqualTo(bearer);
    }

    @Test
    void a_session_past_its_max_lifetime_is_replaced_by_a_new_login_although_it_was_refreshed() {
        rig.gateway.maxLifetime = Optional.of(Duration.ofMinutes(60)); // sessionTTl (spec §3.1 decision)
        LoginUseCase core = rig.core();
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();

        rig.advance(Duration.ofMinutes(59));
        assertThat(core.bearer(KEY)).isEqualTo(first);
        assertThat(rig.gateway.refreshes.get()).isGreaterThanOrEqualTo(13);
        rig.clock.advance(Duration.ofMinutes(1));

        Secret second = core.bearer(KEY);
        assertThat(second).isNotEqualTo(first);
        assertThat(rig.gateway.logins).hasValue(2);
        assertThat(rig.listener.of(SessionEvent.LoggedIn.class)).extracting(SessionEvent.LoggedIn::relogin)
                .containsExactly(false, true);
    }

    @Test
    void without_session_or_credentials_the_caller_is_told_to_log_in_and_nothing_goes_upstream() {
        LoginUseCase core = rig.core();

        assertThatThrownBy(() -> core.bearer(KEY))
                .isInstanceOfSatisfying(SessionUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_LOGGED_IN);
                    assertThat(e.key()).isEqualTo(KEY);
                })
                .hasMessageContaining("log in");
        assertThat(rig.gateway.logins).hasValue(0);
    }

    @Test
    void with_held_credentials_the_first_bearer_logs_in_once() {
        LoginUseCase core = rig.core();
        core.useCredentials(ACCOUNT, CREDENTIALS);
        assertThat(rig.gateway.logins).as("useCredentials alone does not log in").hasValue(0);

        Secret bearer = core.bearer(KEY);
        assertThat(core.bearer(KEY)).isEqualTo(bearer);
        assertThat(rig.gateway.logins).hasValue(1);
    }

    @Test
    void session_views_carry_freshness_and_no_secret() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        LoggedIn loggedIn = (LoggedIn) core.login(ACCOUNT, CREDENTIALS);

        assertThat(core.sessions()).singleElement().satisfies(info -> {
            assertThat(info.key()).isEqualTo(KEY);
            assertThat(info.freshness()).isEqualTo(Freshness.FRESH);
            assertThat(info.toString()).doesNotContain(loggedIn.session().bearer().reveal())
                    .doesNotContain(loggedIn.session().csrf().reveal());
        });
        rig.clock.advance(Duration.ofMinutes(5));
        assertThat(core.session(KEY)).map(SessionInfo::freshness).contains(Freshness.STALE);
        rig.clock.advance(Duration.ofMinutes(30));
        assertThat(core.session(KEY)).map(SessionInfo::freshness).contains(Freshness.EXPIRED);
        assertThat(core.session(Rig.key(9))).isEmpty();
    }
}
