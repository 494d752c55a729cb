package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare-and-set and leases of {@link FileTokenStore} hold between processes, not just between threads. */
class CrossProcessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path scratch;

    @Test
    void four_processes_racing_on_one_key_get_one_lease_and_lose_no_update() throws Exception {
        Path directory = scratch.resolve("store");
        int processes = 4;
        int increments = 25;
        List<StoreWorkerJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                children.add(StoreWorkerJvm.start(scratch, "increment", directory.toString(), "shared",
                        String.valueOf(increments)));
            }
            for (StoreWorkerJvm child : children) {
                assertThat(child.nextLine(PATIENCE)).isEqualTo("ready");
            }
            // released together, so that they really race
            children.forEach(child -> child.send("go"));
            List<String> leases = new ArrayList<>();
            for (StoreWorkerJvm child : children) {
                leases.add(child.nextLine(PATIENCE));
            }
            assertThat(leases).as("racing for one lease").containsOnlyOnce("lease granted");
            int conflicts = 0;
            for (StoreWorkerJvm child : children) {
                String[] done = child.nextLine(PATIENCE).split(" ");
                assertThat(done[0] + " " + done[1]).isEqualTo("done " + increments);
                conflicts += Integer.parseInt(done[2]);
            }

            Session last = FileTokenStore.open(directory, InstantSource.system()).load(StoreWorker.key("shared"))
                    .orElseThrow();
            assertThat(last.version()).as("version = successful swaps of all processes (%d conflicts)", conflicts)
                    .isEqualTo(processes * increments);
            assertThat(last).as("no increment was lost")
                    .isEqualTo(StoreWorker.small(last.key(), processes * increments).withVersion(last.version()));
        } finally {
            for (StoreWorkerJvm child : children) {
                child.close();
            }
        }
    }

    @Test
    void a_lease_held_by_one_process_keeps_others_out_until_released_or_expired() throws Exception {
        Path directory = scratch.resolve("store");
        SessionKey key = StoreWorker.key("leased");
        FileTokenStore here = FileTokenStore.open(directory, InstantSource.system());
        String minute = String.valueOf(Duration.ofMinutes(1).toMillis());

        try (StoreWorkerJvm holder = StoreWorkerJvm.start(scratch, "lease", directory.toString(), "leased", minute, "0")) {
            assertThat(holder.nextLine(PATIENCE)).isEqualTo("granted");
            assertThat(here.tryLease(key, Duration.ofMinutes(1))).as("this process, while held").isEmpty();
            try (StoreWorkerJvm other = StoreWorkerJvm.start(scratch, "lease", directory.toString(), "leased", minute, "0")) {
                assertThat(other.nextLine(PATIENCE)).as("another process, while held").isEqualTo("refused");
            }

            holder.send("release");
            assertThat(holder.nextLine(PATIENCE)).isEqualTo("released");
            here.release(here.tryLease(key, Duration.ofMinutes(1)).orElseThrow(() ->
                    new AssertionError("the lease was released by its holder but is still refused")));
        }

        try (StoreWorkerJvm crashed = StoreWorkerJvm.start(scratch, "lease", directory.toString(), "leased", minute, "0")) {
            assertThat(crashed.nextLine(PATIENCE)).isEqualTo("granted");
            crashed.kill(); // SIGKILL while holding the lease: the kernel drops its lock on the .held file
            long killedAt = System.nanoTime();
            Lease takenOver = awaitLease(here, key, Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("replaced within 2 s of the kill")
                    .isLessThan(Duration.ofSeconds(2));
            here.release(takenOver);
        }
    }

    @Test
    void a_live_holder_elsewhere_keeps_its_lease_until_it_expires_by_the_clock() throws Exception {
        Path directory = scratch.resolve("store");
        SessionKey key = StoreWorker.key("leased");
        String minute = String.valueOf(Duration.ofMinutes(1).toMillis());
        try (StoreWorkerJvm holder = StoreWorkerJvm.start(scratch, "lease", directory.toString(), "leased", minute, "0")) {
            assertThat(holder.nextLine(PATIENCE)).isEqualTo("granted");
            FileTokenStore here = FileTokenStore.open(directory, InstantSource.system());
            assertThat(here.tryLease(key, Duration.ofMinutes(1))).as("before expiry").isEmpty();
            // a process whose clock is past the expiry (no sleeping): the lapsed lease no longer keeps it out
            FileTokenStore later = FileTokenStore.open(directory,
                    InstantSource.offset(InstantSource.system(), Duration.ofMinutes(1).plusSeconds(1)));
            Lease lease = later.tryLease(key, Duration.ofMinutes(1)).orElseThrow(() ->
                    new AssertionError("a lapsed lease still kept another process out"));
            holder.send("release");
            assertThat(holder.nextLine(PATIENCE)).as("a late release changes nothing").isEqualTo("released");
            assertThat(here.tryLease(key, Duration.ofMinutes(1))).as("the new holder keeps it").isEmpty();
            later.release(lease);
        }
    }

    /** Polls {@code store} for the lease every 50 ms, as the lifecycle does (at most every 200 ms). */
    private static Lease awaitLease(FileTokenStore store, SessionKey key, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<Lease> lease = store.tryLease(key, Duration.ofMinutes(1));
            if (lease.isPresent()) {
                return lease.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no lease within " + patience + " of its holder's death");
    }
}
