package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's side of the store lease: a flight renews its lease for as long as it works, and a flight whose
 * lease went to another holder (it was paused past the lease) neither overwrites that holder's session nor keeps its
 * own: the fenced save is refused and the core adopts the stored one.
 */
class LeaseTest {

    private static final Duration TTL = Duration.ofSeconds(2); // Rig's lease ttl

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void a_login_that_outlasts_the_lease_ttl_keeps_others_out_by_renewing_its_lease() throws Exception {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        core.useCredentials(ACCOUNT, CREDENTIALS);
        rig.gateway.loginGate = new CountDownLatch(1);

        var caller = Threads.start(1, () -> core.bearer(KEY));
        Threads.awaitTrue(() -> rig.gateway.logins.get() == 1, "the login is under way, under the lease");
        for (int second = 1; second <= 15; second++) { // 7.5 lease ttls, renewals run on the test's clock
            rig.advance(Duration.ofSeconds(1));
            assertThat(rig.store.tryLease(KEY, TTL)).as("another process, %d s into the login", second).isEmpty();
        }
        rig.gateway.loginGate.countDown();
        Secret bearer = caller.join(Duration.ofSeconds(20)).get(0);

        assertThat(rig.store.peek(KEY)).get().extracting(Session::bearer).isEqualTo(bearer);
        assertThat(rig.store.tryLease(KEY, TTL)).as("released when the login is done").isPresent();
        assertThat(rig.gateway.logins).hasValue(1);
    }

    @Test
    void a_flight_whose_lease_was_taken_over_adopts_the_newer_session_instead_of_saving_its_own() throws Exception {
        LoginUseCase late = rig.core(rig.settings().keepAlive(false));
        late.useCredentials(ACCOUNT, CREDENTIALS);
        rig.gateway.loginGate = new CountDownLatch(1);
        var caller = Threads.start(1, () -> late.bearer(KEY));
        Threads.awaitTrue(() -> rig.gateway.logins.get() == 1, "the late process is logging in");

        // The late process stalls past its lease (the clock moves without its renewals running); another process
        // takes the lease, logs in and saves under it.
        rig.clock.advance(TTL.plusSeconds(1));
        Lease newer = rig.store.tryLease(KEY, TTL).orElseThrow();
        Session theirs = rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session();
        assertThat(rig.store.save(theirs, 0, newer)).isInstanceOf(SaveResult.Saved.class);
        rig.store.release(newer);

        rig.gateway.loginAnswer = () -> rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST);
        rig.gateway.loginGate.countDown();
        Secret handedOut = caller.join(Duration.ofSeconds(20)).get(0);

        assertThat(handedOut).as("the late process hands out the stored session").isEqualTo(theirs.bearer());
        assertThat(rig.store.peek(KEY)).get().extracting(Session::bearer).isEqualTo(theirs.bearer());
        assertThat(late.bearer(KEY)).isEqualTo(theirs.bearer());
    }
}
