package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.StoreException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Races with other processes sharing the store, and a store that fails: each test is a history
 * {@link RandomHistoryTest} found breaking an invariant, shrunk and written out by hand.
 */
class SharedStoreRacesTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    /** Another process logs in (killing ours) and saves just before our save: its newer session wins. */
    private AtomicReference<Session> anotherProcessLogsInBeforeTheNextSave() {
        AtomicReference<Session> theirs = new AtomicReference<>();
        rig.store.beforeNextSave = () -> {
            rig.clock.advance(Duration.ofSeconds(1));
            theirs.set(rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session()));
        };
        return theirs;
    }

    @Test
    void a_login_whose_save_loses_to_another_processes_newer_session_announces_no_login_and_answers_with_the_winner() {
        LoginUseCase core = rig.core();
        AtomicReference<Session> theirs = anotherProcessLogsInBeforeTheNextSave();

        LoginOutcome outcome = core.login(ACCOUNT, CREDENTIALS);

        Secret winner = theirs.get().bearer();
        assertThat(outcome).isInstanceOfSatisfying(LoggedIn.class,
                in -> assertThat(in.session().bearer()).as("the live session, not ours that theirs killed")
                        .isEqualTo(winner));
        assertThat(core.bearer(KEY)).isEqualTo(winner);
        assertThat(rig.listener.of(SessionEvent.LoggedIn.class)).as("no login of ours is held").isEmpty();
        assertThat(rig.listener.of(SessionEvent.ReusedStored.class)).hasSize(1);
    }

    @Test
    void a_refresh_whose_save_loses_to_another_processes_newer_session_announces_no_refresh() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, CREDENTIALS);
        AtomicReference<Session> theirs = anotherProcessLogsInBeforeTheNextSave();

        rig.advance(Duration.ofMinutes(4)); // the keep-alive refresh

        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(core.bearer(KEY)).isEqualTo(theirs.get().bearer());
        assertThat(rig.listener.of(SessionEvent.Refreshed.class)).as("the session held is theirs").isEmpty();
        assertThat(rig.listener.of(SessionEvent.ReusedStored.class)).hasSize(1);
    }

    @Test
    void a_401_on_refresh_while_the_store_cannot_be_read_causes_no_blind_login() {
        LoginUseCase core = rig.core();
        core.login(ACCOUNT, CREDENTIALS);
        rig.store.broken = true;
        // another process logged in (killing ours) and saved its session where this one cannot read it now
        rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST);

        assertThatThrownBy(() -> core.refresh(KEY)).isInstanceOf(StoreException.class);

        assertThat(rig.gateway.refreshes).hasValue(1);
        assertThat(rig.gateway.logins).as("a re-login would kill the other process's live session").hasValue(1);
        assertThatThrownBy(() -> core.bearer(KEY)).as("the dead bearer is not handed out meanwhile")
                .isInstanceOf(StoreException.class);
    }

    @Test
    void a_stored_record_that_cannot_be_opened_is_never_nothing_stored() {
        rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session()); // another process's session
        rig.store.sealed = true; // e.g. this process has the wrong store key
        LoginUseCase core = rig.core();
        core.useCredentials(ACCOUNT, CREDENTIALS);

        assertThatThrownBy(() -> core.bearer(KEY)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be opened");
        assertThatThrownBy(() -> core.login(ACCOUNT, CREDENTIALS)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be opened");
        assertThat(rig.gateway.logins).as("no blind login over a record that exists").hasValue(0);
    }

    @Test
    void a_bearer_reported_refused_is_never_taken_up_from_the_store_again() {
        LoginUseCase core = rig.core();
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.gateway.kill(KEY); // another process's login killed it; it stays in the store
        rig.gateway.loginAnswer = () -> new CredentialsRejected("wrong password");
        core.login(ACCOUNT, CREDENTIALS); // rejected: the key lets go of its session
        rig.gateway.loginAnswer = null;
        core.useCredentials(ACCOUNT, CREDENTIALS);

        core.invalidate(KEY, first); // an API refused the bearer the caller still had

        assertThat(core.bearer(KEY)).isNotEqualTo(first);
        assertThat(rig.gateway.logins).hasValue(3);
    }

    @Test
    void a_bearer_refused_before_a_newer_one_died_stays_refused() {
        LoginUseCase core = rig.core();
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.store.broken = true;
        core.login(ACCOUNT, CREDENTIALS); // kills the first; held unsaved: the store still has the first
        core.invalidate(KEY, first); // a caller still had the first bearer
        rig.gateway.kill(KEY);
        assertThatThrownBy(() -> core.refresh(KEY)).isInstanceOf(StoreException.class); // 401, and no blind login
        rig.store.broken = false;

        assertThat(core.bearer(KEY)).isNotEqualTo(first);
        assertThat(rig.gateway.logins).hasValue(3);
    }
}
