package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Lease;
import dev.lplogin.domain.port.SaveResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link FileTokenStore} leaves on disk: names, format, permissions, no leftovers; and that it persists. */
class FileTokenStoreFilesTest {

    private static final SessionKey ALICE = SessionKey.of("12345678", "alice");

    @TempDir
    Path scratch;

    @Test
    void a_session_survives_a_new_store_instance_as_after_a_restart() {
        Path directory = scratch.resolve("store");
        SaveResult saved = FileTokenStore.open(directory, InstantSource.system())
                .save(StoreWorker.numbered(ALICE, 1), 0);

        assertThat(FileTokenStore.open(directory, InstantSource.system()).load(ALICE))
                .contains(((SaveResult.Saved) saved).session());
    }

    @Test
    void one_file_per_key_named_by_the_sha256_of_the_key_with_the_key_and_format_inside() throws Exception {
        FileTokenStore store = FileTokenStore.open(scratch.resolve("store"), InstantSource.system());
        store.save(StoreWorker.numbered(ALICE, 1), 0);

        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("12345678/alice".getBytes(StandardCharsets.UTF_8)));
        Path file = store.directory().resolve(hash + ".json");
        String json = Files.readString(file);
        assertThat(json).contains("\"format\":1", "\"account\":\"12345678\"", "\"loginName\":\"alice\"",
                "\"encrypted\":false", "\"version\":1");
        assertThat(names(store.directory())).containsExactlyInAnyOrder(hash + ".json", hash + ".lock");
    }

    @Test
    void the_directory_is_created_0700_and_every_file_0600() throws Exception {
        FileTokenStore store = FileTokenStore.open(scratch.resolve("state").resolve("store"), InstantSource.system());
        store.save(StoreWorker.numbered(ALICE, 1), 0);
        store.save(StoreWorker.numbered(ALICE, 2), 1);
        store.tryLease(ALICE, Duration.ofMinutes(1)).orElseThrow();

        assertThat(permissions(store.directory())).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(store.directory())) {
            List<Path> all = files.toList();
            assertThat(all).extracting(f -> f.getFileName().toString().replaceAll("^[0-9a-f]{64}", ""))
                    .containsExactlyInAnyOrder(".json", ".lock", ".lease", ".held");
            for (Path file : all) {
                assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void a_released_lease_keeps_its_lease_file_for_the_fence_and_a_deleted_session_leaves_no_session_file()
            throws Exception {
        FileTokenStore store = FileTokenStore.open(scratch.resolve("store"), InstantSource.system());
        store.save(StoreWorker.numbered(ALICE, 1), 0);
        Lease lease = store.tryLease(ALICE, Duration.ofMinutes(1)).orElseThrow();

        store.release(lease);
        store.delete(ALICE, 1);

        String hash = FileTokenStore.nameOf(ALICE);
        assertThat(names(store.directory())).containsExactlyInAnyOrder(hash + ".lock", hash + ".lease", hash + ".held");
        assertThat(Files.readString(store.directory().resolve(hash + ".lease")))
                .contains("\"fence\":1", "\"released\":true");
    }

    @Test
    void a_save_clears_temp_files_that_a_crashed_writer_left_behind() throws Exception {
        FileTokenStore store = FileTokenStore.open(scratch.resolve("store"), InstantSource.system());
        store.save(StoreWorker.numbered(ALICE, 1), 0);
        String hash = FileTokenStore.nameOf(ALICE);
        Files.writeString(store.directory().resolve(hash + ".json.12345" + SafeFiles.TEMP_SUFFIX), "{\"form");
        String bob = FileTokenStore.nameOf(SessionKey.of("1", "bob"));
        Path otherKeysTemp = store.directory().resolve(bob + ".json.1" + SafeFiles.TEMP_SUFFIX);
        Files.writeString(otherKeysTemp, "{");

        store.save(StoreWorker.numbered(ALICE, 2), 1);

        assertThat(names(store.directory())).containsExactlyInAnyOrder(hash + ".json", hash + ".lock",
                otherKeysTemp.getFileName().toString());
        assertThat(store.list()).extracting(Session::key).containsExactly(ALICE);
    }

    @Test
    void store_instances_on_one_directory_in_one_jvm_exclude_each_other() throws Exception {
        Path directory = scratch.resolve("store");
        int instances = 4;
        int increments = 10;
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                // each thread its own instance: the JVM-wide lock table must still serialize them
                FileTokenStore own = FileTokenStore.open(directory, InstantSource.system());
                writers.add(pool.submit(() -> {
                    for (int done = 0; done < increments; ) {
                        long version = own.load(ALICE).map(Session::version).orElse(0L);
                        if (own.save(StoreWorker.small(ALICE, version + 1), version) instanceof SaveResult.Saved) {
                            done++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        }

        Session last = FileTokenStore.open(directory, InstantSource.system()).load(ALICE).orElseThrow();
        assertThat(last.version()).isEqualTo(instances * increments);
        assertThat(last).isEqualTo(StoreWorker.small(ALICE, last.version()).withVersion(last.version()));
    }

    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
