package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL at any instant leaves the old or the new session on disk, never a part of one. */
class CrashSafetyTest {

    private static final int ROUNDS = 25;
    // two writers on two keys of one directory per round: 50 kills, in about half the wall time of one lane
    private static final List<String> LANES = List.of("crash-a", "crash-b");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path scratch;

    @Test
    void writers_killed_mid_save_leave_a_whole_session_every_time() throws Exception {
        Path directory = scratch.resolve("store");
        Random random = new Random(20261127);
        long[] lastVersions = new long[LANES.size()];
        int kills = 0;

        for (int round = 1; round <= ROUNDS; round++) {
            List<StoreWorkerJvm> writers = new ArrayList<>();
            try {
                for (String lane : LANES) {
                    writers.add(StoreWorkerJvm.start(scratch, "save-loop", directory.toString(), lane));
                }
                for (StoreWorkerJvm writer : writers) {
                    // a random number of completed saves, so that the kill lands at a random point of a later one
                    int saves = 1 + random.nextInt(4);
                    for (int i = 0; i < saves; i++) {
                        assertThat(writer.nextLine(PATIENCE)).startsWith("saved ");
                    }
                    writer.kill();
                    kills++;
                }
            } finally {
                for (StoreWorkerJvm writer : writers) {
                    writer.close();
                }
            }

            // a fresh store, as after a restart
            FileTokenStore store = FileTokenStore.open(directory, InstantSource.system());
            for (int lane = 0; lane < LANES.size(); lane++) {
                SessionKey key = StoreWorker.key(LANES.get(lane));
                Session survivor = store.load(key)
                        .orElseThrow(() -> new AssertionError("no readable session of " + key + " after a kill"));
                long version = survivor.version();
                assertThat(survivor).as("%s after %d kills is one whole save", key, kills)
                        .isEqualTo(StoreWorker.numbered(key, version).withVersion(version));
                assertThat(version).as("%s never goes back", key).isGreaterThanOrEqualTo(lastVersions[lane]);
                lastVersions[lane] = version;
            }
            assertThat(filesMatching(directory, ".corrupt-")).as("nothing was found corrupt").isEmpty();
        }

        assertThat(kills).isEqualTo(50);
        assertThat(Arrays.stream(lastVersions).min().orElseThrow()).as("the writers made progress")
                .isGreaterThanOrEqualTo(ROUNDS);
        // each save clears the temp files an earlier killed writer of its key left behind
        assertThat(filesMatching(directory, SafeFiles.TEMP_SUFFIX)).hasSizeLessThanOrEqualTo(LANES.size());
    }

    private static List<Path> filesMatching(Path directory, String part) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().contains(part)).toList();
        }
    }
}
