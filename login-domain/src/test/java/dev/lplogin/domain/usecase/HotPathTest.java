package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionFixtures;
import dev.lplogin.domain.port.LoggedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bearer()} on a fresh session reads no clock and takes no lock; the key's timer moves it to checked reads
 * at least one refresh interval before the hard deadline, which is the bound that keeps a late timer from ever
 * handing out a dead bearer (see {@link SessionStateMachine#handoverAt}).
 */
class HotPathTest {

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    /** A clock that counts how often it is read. */
    private static final class CountingClock extends Clock {
        final AtomicLong reads = new AtomicLong();
        private final Clock delegate;

        CountingClock(Clock delegate) {
            this.delegate = delegate;
        }

        @Override
        public Instant instant() {
            reads.incrementAndGet();
            return delegate.instant();
        }

        @Override
        public ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void a_fresh_bearer_is_handed_out_without_reading_the_clock() {
        CountingClock clock = new CountingClock(rig.clock);
        LoginUseCase core = rig.core(rig.settings().clock(clock));
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        clock.reads.set(0);

        for (int i = 0; i < 10_000; i++) {
            assertThat(core.bearer(KEY)).isSameAs(bearer);
        }

        assertThat(clock.reads).as("clock reads for 10,000 fresh bearers").hasValue(0);
        rig.advance(Duration.ofMinutes(4).plusSeconds(1)); // the timer refreshes it: hot again
        clock.reads.set(0);
        core.bearer(KEY);
        assertThat(clock.reads).as("after the keep-alive refresh, still no clock read").hasValue(0);
    }

    @Test
    void once_the_timer_has_handed_a_key_over_every_read_checks_the_deadline() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        Secret bearer = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.advance(Duration.ofMinutes(4)); // the timer on time: from now on reads look at the time
        rig.gateway.refreshOutage = true; // the refreshes that stale reads start fail: nothing rescues the session

        rig.clock.advance(Duration.ofMinutes(26).minusNanos(1)); // the timer stalls from here on
        assertThat(core.bearer(KEY)).as("still before the idle timeout").isEqualTo(bearer);
        rig.clock.advance(Duration.ofNanos(1)); // the idle timeout, 30 minutes after the login

        Secret next = core.bearer(KEY);
        assertThat(next).as("never handed out past its deadline").isNotEqualTo(bearer);
        assertThat(rig.gateway.isLive(next)).isTrue();
        assertThat(rig.gateway.logins).hasValue(2);
    }

    @Test
    void a_timer_late_by_up_to_one_refresh_interval_never_hands_out_a_session_past_its_max_lifetime() {
        rig.gateway.maxLifetime = Optional.of(Duration.ofMinutes(60)); // sessionTTl
        LoginUseCase core = rig.core();
        Secret first = ((LoggedIn) core.login(ACCOUNT, CREDENTIALS)).session().bearer();
        rig.advance(Duration.ofMinutes(56)); // refreshed all along; 4 minutes before its end it is handed over

        rig.clock.advance(Duration.ofMinutes(4)); // the timer stalls for a whole refresh interval: 60 minutes
        Secret second = core.bearer(KEY);

        assertThat(second).as("a new login, not the session at its max lifetime").isNotEqualTo(first);
        assertThat(rig.gateway.logins).hasValue(2);
    }

    @ParameterizedTest(name = "confirmed {0} min after login, max lifetime {1} min")
    @CsvSource({"0, 0", "0, 480", "20, 480", "0, 60", "50, 60", "57, 60", "0, 3", "0, 30", "10, 31"})
    void the_handover_is_at_least_one_refresh_interval_before_the_hard_deadline(int confirmedMinute,
            int maxLifetimeMinutes) {
        Rules rules = Rules.from(LoginSettings.defaults());
        SessionStateMachine machine = new SessionStateMachine(rules);
        Optional<Duration> maxLifetime = maxLifetimeMinutes == 0 ? Optional.empty()
                : Optional.of(Duration.ofMinutes(maxLifetimeMinutes));
        Session session = SessionFixtures.session(
                SessionFixtures.ISSUED_AT.plus(Duration.ofMinutes(confirmedMinute)), maxLifetime);

        Instant handover = machine.handoverAt(session);
        Instant deadline = machine.hardDeadline(session);

        assertThat(handover).isBeforeOrEqualTo(deadline.minus(rules.refreshInterval()))
                .isBeforeOrEqualTo(session.lastConfirmedAt().plus(rules.refreshInterval()));
        Instant idle = session.lastConfirmedAt().plus(rules.idleTimeout());
        assertThat(deadline).isEqualTo(session.expiresAt().filter(idle::isAfter).orElse(idle));
    }
}
