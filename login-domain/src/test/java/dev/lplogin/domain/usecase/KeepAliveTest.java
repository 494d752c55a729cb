package dev.lplogin.domain.usecase;

import static dev.lplogin.domain.usecase.Rig.ACCOUNT;
import static dev.lplogin.domain.usecase.Rig.CREDENTIALS;
import static dev.lplogin.domain.usecase.Rig.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.port.SessionEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keep-alive: one scheduler for all sessions, refreshes spread by jitter (spec §3.2). */
class KeepAliveTest {

    private static final int SESSIONS = 1_000;
    private static final int MINUTES = 24 * 60;

    private final Rig rig = new Rig();

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void a_thousand_sessions_stay_alive_for_24_hours_without_refreshing_in_lockstep() {
        rig.gateway.maxLifetime = Optional.empty(); // no sessionTTl: nothing but keep-alive keeps them
        AtomicIntegerArray perMinute = new AtomicIntegerArray(MINUTES);
        long start = FakeClock.START.getEpochSecond();
        LoginUseCase core = LoginCore.create(rig.lookup, rig.gateway, rig.store, event -> {
            if (event instanceof SessionEvent.Refreshed refreshed) {
                int minute = (int) ((refreshed.at().getEpochSecond() - start) / 60);
                if (minute < MINUTES) {
                    perMinute.incrementAndGet(minute);
                }
            }
        }, rig.settings().build());
        for (int i = 0; i < SESSIONS; i++) {
            core.login(ACCOUNT, Rig.credentials(i)); // all at the same instant: the worst case for lockstep
        }

        long wallBefore = System.nanoTime();
        rig.advance(Duration.ofHours(24));
        long wallMillis = (System.nanoTime() - wallBefore) / 1_000_000;

        assertThat(rig.gateway.logins).as("no session was lost and logged in again").hasValue(SESSIONS);
        assertThat(core.sessions()).hasSize(SESSIONS).extracting(SessionInfo::freshness)
                .doesNotContain(Freshness.EXPIRED);
        IntSummaryStatistics perSession = rig.gateway.refreshesByKey.values().stream()
                .mapToInt(AtomicInteger::get).summaryStatistics();
        assertThat(perSession.getCount()).isEqualTo(SESSIONS);
        // 24 h / 4 min = 360 refreshes each; the ±10 % jitter averages out over so many
        assertThat(perSession.getMin()).isGreaterThanOrEqualTo(350);
        assertThat(perSession.getMax()).isLessThanOrEqualTo(370);
        int[] minutes = new int[MINUTES];
        Arrays.setAll(minutes, perMinute::get);
        double average = Arrays.stream(minutes).average().orElseThrow();
        int busiest = Arrays.stream(minutes).max().orElseThrow();
        int quietestAfterFirstHour = Arrays.stream(minutes, 60, MINUTES).min().orElseThrow();
        System.out.printf("keep-alive 1000 sessions x 24 h: refreshes per session %d..%d (mean %.1f), per minute "
                + "avg %.1f, max %d (%.2fx), min after first hour %d; simulated in %d ms%n",
                perSession.getMin(), perSession.getMax(), perSession.getAverage(), average, busiest,
                busiest / average, quietestAfterFirstHour, wallMillis);
        assertThat(busiest).as("no lockstep: the busiest minute stays within 3x the average")
                .isLessThanOrEqualTo((int) (3 * average));
        assertThat(quietestAfterFirstHour).as("refreshes spread out over time").isGreaterThan((int) (average / 3));
    }

    @Test
    void a_stored_session_picked_up_when_already_due_keeps_being_refreshed() {
        rig.store.put(rig.gateway.issue(KEY, FakeDomainLookup.LOGIN_HOST).session());
        rig.clock.advance(Duration.ofMinutes(5)); // stale: its next refresh was due a minute ago
        LoginUseCase core = rig.core();
        core.useCredentials(ACCOUNT, CREDENTIALS);
        // A real scheduler fires a timer planned in the past at once, while the pickup's flight is still running
        // (here: just before it lets go of the store's lease), so the tick joins that flight.
        rig.store.beforeNextRelease = () -> rig.advance(Duration.ZERO);

        core.bearer(KEY);

        assertThat(rig.gateway.refreshes).as("the due refresh ran right after the pickup").hasValue(1);
        assertThat(rig.scheduler.pending()).as("the next keep-alive tick is planned").isEqualTo(1);
        rig.advance(Duration.ofHours(1));
        assertThat(rig.gateway.logins).as("kept alive, never lost").hasValue(0);
        assertThat(rig.gateway.refreshes.get()).isBetween(14, 18); // 1 + one about every 4 minutes for an hour
        assertThat(core.session(KEY)).get().extracting(SessionInfo::freshness).isEqualTo(Freshness.FRESH);
    }

    @Test
    void with_keep_alive_off_nothing_runs_in_the_background() {
        LoginUseCase core = rig.core(rig.settings().keepAlive(false));
        core.login(ACCOUNT, CREDENTIALS);

        rig.advance(Duration.ofHours(1));

        assertThat(rig.gateway.refreshes).hasValue(0);
        assertThat(rig.scheduler.pending()).isZero();
        core.bearer(KEY); // expired by now: the caller's request logs in again
        assertThat(rig.gateway.logins).hasValue(2);
    }
}
