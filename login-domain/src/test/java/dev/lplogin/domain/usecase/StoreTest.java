package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.SessionEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store lets a new process reuse a live session and several processes share one (docs/design.md, "Adapters"). */
class StoreTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void a_new_core_reuses_a_live_stored_session_instead_of_logging_in() {
        Session stored = rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session());
        rig.clock.advance(Duration.ofMinutes(2));
        LoginUseCase core = rig.core();
        core.useCredentials(ACCOUNT, CREDENTIALS);

        assertThat(core.bearer(KEY)).isEqualTo(stored.bearer());
        assertThat(rig.gateway.logins).hasValue(0);
        assertThat(rig.listener.of(SessionEvent.ReusedStored.class)).hasSize(1);
    }

    @Test
    void refresh_in_a_new_core_confirms_the_stored_session_at_the_service_and_saves_it() {
        Session stored = rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session());
        rig.clock.advance(Duration.ofMinutes(2));
        LoginUseCase core = rig.core(); // a fresh process: nothing held, no credentials (like `lp-login refresh`)

        SessionInfo info = core.refresh(KEY);

        // LoginUseCase#refresh: "refreshes the session now" -- picking it up from the store is not enough
        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(rig.gateway.logins).hasValue(0);
        assertThat(info.lastConfirmedAt()).isEqualTo(rig.clock.instant());
        assertThat(info.freshness()).isEqualTo(Freshness.FRESH);
        assertThat(rig.store.peek(KEY)).get().satisfies(s -> {
            assertThat(s.bearer()).isEqualTo(stored.bearer());
            assertThat(s.lastConfirmedAt()).isEqualTo(rig.clock.instant());
            assertThat(s.version()).as("saved with compare-and-set over the stored one").isEqualTo(stored.version() + 1);
        });
        assertThat(core.bearer(KEY)).isEqualTo(stored.bearer());
        assertThat(rig.gateway.refreshes).as("one refresh, not one per call").hasValue(1);
    }

    @Test
    void refresh_in_a_new_core_logs_in_again_when_the_service_dropped_the_stored_session() {
        Session stored = rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session());
        rig.gateway.kill(KEY);
        LoginUseCase core = rig.core();
        core.useCredentials(ACCOUNT, CREDENTIALS);

        core.refresh(KEY);

        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(rig.store.peek(KEY)).get().satisfies(s -> {
            assertThat(s.bearer()).isNotEqualTo(stored.bearer());
            assertThat(rig.gateway.isLive(s.bearer())).isTrue();
        });
    }

    @Test
    void an_expired_stored_session_is_replaced_by_a_login_saved_over_it() {
        Session stored = rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session());
        rig.clock.advance(Duration.ofMinutes(31));
        LoginUseCase core = rig.core();
        core.useCredentials(ACCOUNT, CREDENTIALS);

        Secret bearer = core.bearer(KEY);

        assertThat(bearer).isNotEqualTo(stored.bearer());
        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(rig.store.peek(KEY)).get().satisfies(s -> {
            assertThat(s.bearer()).isEqualTo(bearer);
            assertThat(s.version()).isEqualTo(stored.version() + 1);
        });
    }

    @Test
    void every_login_and_refresh_is_saved_with_compare_and_set() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, CREDENTIALS);
        assertThat(rig.store.peek(KEY)).get().extracting(Session::version).isEqualTo(1L);

        rig.advance(Duration.ofMinutes(5));

        assertThat(rig.gateway.refreshes).hasValue(1);
        Session stored = rig.store.peek(KEY).orElseThrow();
        assertThat(stored.version()).isEqualTo(2L);
        assertThat(stored.lastConfirmedAt()).isAfter(stored.issuedAt());
    }

    @Test
    void two_cores_sharing_one_store_asked_for_the_same_cold_key_at_once_log_in_once() throws Exception {
        LoginUseCase first = rig.concurrentCore();
        LoginUseCase second = rig.concurrentCore();
        first.useCredentials(ACCOUNT, CREDENTIALS);
        second.useCredentials(ACCOUNT, CREDENTIALS);
        rig.gateway.loginGate = new CountDownLatch(1);

        var a = Threads.start(20, () -> first.bearer(KEY));
        var b = Threads.start(20, () -> second.bearer(KEY));
        Threads.awaitTrue(() -> rig.gateway.logins.get() == 1 && a.allParked() && b.allParked(),
                "one core logs in while the other waits for its lease");
        rig.gateway.loginGate.countDown();
        List<Secret> fromFirst = a.join(Duration.ofSeconds(20));
        List<Secret> fromSecond = b.join(Duration.ofSeconds(20));

        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(fromFirst).containsOnly(fromFirst.get(0));
        assertThat(fromSecond).containsOnly(fromFirst.get(0));
    }

    @Test
    void two_cores_sharing_one_store_keep_one_session_alive_with_one_stream_of_refreshes() {
        LoginUseCase first = rig.core();
        LoginUseCase second = rig.core();
        Secret bearer = ((LoggedIn) first.login(ACCOUNT, CREDENTIALS)).session().bearer();
        second.useCredentials(ACCOUNT, CREDENTIALS);
        assertThat(second.bearer(KEY)).isEqualTo(bearer);

        rig.advance(Duration.ofHours(1));

        assertThat(first.bearer(KEY)).isEqualTo(bearer);
        assertThat(second.bearer(KEY)).isEqualTo(bearer);
        assertThat(rig.gateway.logins).hasValue(1);
        // one refresh about every 4 minutes between them, not one per core: the other picks it up from the store
        assertThat(rig.gateway.refreshes.get()).isBetween(13, 18);
    }

    @Test
    void a_broken_store_never_breaks_a_valid_bearer() {
        rig.store.broken = true;
        LoginUseCase core = rig.core();
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();

        rig.advance(Duration.ofHours(1));

        assertThat(core.bearer(KEY)).isEqualTo(bearer);
        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(rig.gateway.refreshes.get()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void logout_ends_the_session_upstream_and_in_the_store_and_forgets_the_credentials() {
        LoginUseCase core = rig.core();
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();

        assertThat(core.logout(KEY)).isTrue();

        assertThat(rig.gateway.isLive(bearer)).isFalse();
        assertThat(rig.store.peek(KEY)).isEmpty();
        assertThat(core.sessions()).isEmpty();
        assertThat(core.logout(KEY)).as("logging out twice is not an error").isFalse();
        rig.clock.advance(Duration.ofMinutes(40));
        assertThatThrownBy(() -> core.bearer(KEY))
                .isInstanceOf(SessionUnavailableException.class);
        assertThat(rig.gateway.logins).hasValue(1);
        assertThat(rig.listener.of(SessionEvent.LoggedOut.class)).hasSize(1);
    }

    @Test
    void logout_all_ends_held_and_stored_sessions() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, Rig.credentials(1));
        core.login(ACCOUNT, Rig.credentials(2));
        rig.store.put(rig.gateway.issue(Rig.key(3), FakeDomainLookup.LOGIN_HOST).session());
        assertThat(core.sessions()).hasSize(3);

        assertThat(core.logoutAll()).isEqualTo(3);

        assertThat(rig.gateway.logouts).hasValue(3);
        assertThat(rig.store.list()).isEmpty();
        assertThat(core.sessions()).isEmpty();
    }
}
