package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final SingleFlight<Integer> flight = new SingleFlight<>();
    private final QueueExecutor executor = new QueueExecutor();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void callers_while_in_flight_share_one_run_and_its_result() {
        executor.hold();
        List<CompletableFuture<Integer>> joined = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            joined.add(flight.join(executor, runs::incrementAndGet));
        }
        executor.runAll();

        assertThat(runs).hasValue(1);
        assertThat(joined).allSatisfy(f -> assertThat(f).isCompletedWithValue(1));
        assertThat(flight.join(executor, runs::incrementAndGet)).as("a finished flight is not reused")
                .isNotDone();
        executor.runAll();
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_failure_reaches_every_caller_and_the_next_call_starts_afresh() {
        executor.hold();
        CompletableFuture<Integer> a = flight.join(executor, () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Integer> b = flight.join(executor, runs::incrementAndGet);
        executor.runAll();

        assertThat(b).isSameAs(a).isCompletedExceptionally();
        CompletableFuture<Integer> c = flight.join(executor, runs::incrementAndGet);
        executor.runAll();
        assertThat(c).isCompletedWithValue(1);
    }

    @Test
    void run_after_current_waits_for_the_flight_in_progress_and_is_joined_by_later_callers() {
        executor.hold();
        CompletableFuture<Integer> first = flight.join(executor, () -> 10 + runs.incrementAndGet());
        CompletableFuture<Integer> forced = flight.runAfterCurrent(executor, () -> 20 + runs.incrementAndGet());
        CompletableFuture<Integer> later = flight.join(executor, () -> 99);

        assertThat(executor.queued()).isEqualTo(1);
        executor.runAll();

        assertThat(first).isCompletedWithValue(11);
        assertThat(forced).isCompletedWithValue(22);
        assertThat(later).isSameAs(forced);
    }

    @Test
    void a_closed_executor_fails_the_flight_instead_of_leaving_callers_waiting() {
        CompletableFuture<Integer> f = flight.join(task -> {
            throw new RejectedExecutionException("shut down");
        }, runs::incrementAndGet);

        Assertions.assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(RejectedExecutionException.class).hasMessageContaining("closed");
    }
}
