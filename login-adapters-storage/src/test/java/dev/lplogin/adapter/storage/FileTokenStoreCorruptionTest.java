package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged file is moved aside with a warning that names it; other sessions stay usable; nothing crashes. */
class FileTokenStoreCorruptionTest {

    private static final SessionKey ALICE = SessionKey.of("12345678", "alice");
    private static final SessionKey BOB = SessionKey.of("12345678", "bob");
    private static final Instant NOW = Instant.parse("2026-11-27T19:30:00.250Z");

    @TempDir
    Path scratch;

    private FileTokenStore store;
    private Path aliceFile;

    @BeforeEach
    void twoSessions() {
        store = FileTokenStore.open(scratch.resolve("store"), InstantSource.fixed(NOW));
        store.save(StoreWorker.numbered(ALICE, 1), 0);
        store.save(StoreWorker.numbered(BOB, 1), 0);
        aliceFile = store.directory().resolve(FileTokenStore.nameOf(ALICE) + ".json");
    }

    @Test
    void a_garbage_file_is_moved_aside_with_a_warning_naming_it_and_bob_is_unaffected() throws Exception {
        byte[] garbage = "\u0000\u00ffnot json at all".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(aliceFile, garbage);

        try (LogCapture log = new LogCapture()) {
            assertThat(store.load(ALICE)).isEmpty();

            Path aside = aliceFile.resolveSibling(aliceFile.getFileName() + ".corrupt-20261127T193000.250Z");
            assertThat(Files.readAllBytes(aside)).as("kept for inspection, unchanged").isEqualTo(garbage);
            assertThat(log.warnings()).singleElement().asString()
                    .contains(aliceFile.toString(), aside.toString());
        }
        assertThat(store.load(BOB)).contains(StoreWorker.numbered(BOB, 1).withVersion(1));
        assertThat(store.save(StoreWorker.numbered(ALICE, 1), 0)).as("alice starts over")
                .isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void a_second_corrupt_copy_in_the_same_millisecond_does_not_replace_the_first() throws Exception {
        Files.writeString(aliceFile, "first");
        store.load(ALICE);
        Files.writeString(aliceFile, "second");
        store.load(ALICE);

        String aside = aliceFile.getFileName() + ".corrupt-20261127T193000.250Z";
        assertThat(Files.readString(aliceFile.resolveSibling(aside))).isEqualTo("first");
        assertThat(Files.readString(aliceFile.resolveSibling(aside + "-2"))).isEqualTo("second");
    }

    @Test
    void a_truncated_file_is_moved_aside_by_list_which_returns_the_rest() throws Exception {
        byte[] whole = Files.readAllBytes(aliceFile);
        Files.write(aliceFile, Arrays.copyOf(whole, whole.length / 2));

        try (LogCapture log = new LogCapture()) {
            assertThat(store.list()).extracting(Session::key).containsExactly(BOB);
            assertThat(log.warnings()).singleElement().asString().contains(aliceFile.toString());
        }
        assertThat(aliceFile).doesNotExist();
    }

    @Test
    void a_file_with_an_invalid_field_is_moved_aside() throws Exception {
        Files.writeString(aliceFile, Files.readString(aliceFile).replace("\"csrf\":\"csrf-1\"", "\"csrf\":\"\""));

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(FileTokenStoreFilesTest.names(store.directory())).anyMatch(n -> n.contains(".corrupt-"));
    }

    @Test
    void another_keys_file_under_this_keys_name_is_moved_aside_not_served() throws Exception {
        Path bobFile = store.directory().resolve(FileTokenStore.nameOf(BOB) + ".json");
        Files.copy(bobFile, aliceFile, StandardCopyOption.REPLACE_EXISTING);

        assertThat(store.load(ALICE)).isEmpty();
        assertThat(store.list()).extracting(Session::key).containsExactly(BOB);
    }

    @Test
    void a_save_over_a_corrupt_file_sees_version_0() throws Exception {
        Files.writeString(aliceFile, "{");

        assertThat(store.save(StoreWorker.numbered(ALICE, 5), 1)).isEqualTo(new SaveResult.Conflict(Optional.empty()));
        assertThat(store.save(StoreWorker.numbered(ALICE, 5), 0)).isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void a_damaged_lease_file_counts_as_no_lease() throws Exception {
        Files.writeString(store.directory().resolve(FileTokenStore.nameOf(ALICE) + ".lease"), "{\"tok");

        try (LogCapture log = new LogCapture()) {
            assertThat(store.tryLease(ALICE, Duration.ofMinutes(1))).isPresent();
            assertThat(log.warnings()).singleElement().asString().contains(".lease");
        }
        assertThat(store.tryLease(ALICE, Duration.ofMinutes(1))).as("the new lease holds").isEmpty();
    }

    @Test
    void a_file_from_a_newer_format_is_reported_and_left_in_place() throws Exception {
        String newer = Files.readString(aliceFile).replace("\"format\":1", "\"format\":2");
        Files.writeString(aliceFile, newer);

        assertThatThrownBy(() -> store.load(ALICE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("format 2, written by a newer lp-login");
        assertThat(Files.readString(aliceFile)).isEqualTo(newer);
        assertThat(store.list()).extracting(Session::key).containsExactly(BOB);
    }

    @Test
    void no_warning_or_error_ever_contains_a_secret() throws Exception {
        Files.writeString(aliceFile, Files.readString(aliceFile).replace("\"userId\":\"count-1\"", "\"userId\":1x"));

        try (LogCapture log = new LogCapture()) {
            store.list();
            assertThat(log.warnings()).isNotEmpty().noneMatch(w -> w.contains("csrf-1") || w.contains("cookie-1"));
        }
    }
}
