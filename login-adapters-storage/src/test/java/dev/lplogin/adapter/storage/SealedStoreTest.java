package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.port.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store with a key trusts only records sealed with one of its keys: a plaintext record (which anyone who can write
 * the store can plant) is refused and never adopted; a record it cannot open is an error that names the key problem
 * and the fix, never "nothing stored"; a previous key opens old records while new ones are sealed with the current
 * key (rotation).
 */
class SealedStoreTest {

    private static final SessionKey ALICE = SessionKey.of("12345678", "alice");

    @TempDir
    Path scratch;

    private final EncryptionKey oldKey = EncryptionKey.generate();
    private final EncryptionKey newKey = EncryptionKey.generate();

    private Path aliceFile(FileTokenStore store) {
        return store.directory().resolve(FileTokenStore.nameOf(ALICE) + ".json");
    }

    @Test
    void a_planted_plaintext_record_is_refused_said_once_and_never_adopted() throws Exception {
        Path directory = scratch.resolve("store");
        FileTokenStore sealed = FileTokenStore.open(directory, newKey, InstantSource.system());
        sealed.save(StoreWorker.small(ALICE, 1), 0);
        // a writer of the store replaces the sealed record with a plaintext one holding its own bearer
        Path plantedFrom = scratch.resolve("planter");
        FileTokenStore.open(plantedFrom, InstantSource.system()).save(StoreWorker.small(ALICE, 666), 0);
        Files.copy(aliceFile(FileTokenStore.open(plantedFrom, InstantSource.system())), aliceFile(sealed),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (LogCapture log = new LogCapture()) {
            assertThat(sealed.load(ALICE)).as("the forged bearer is never handed out").isEmpty();
            assertThat(sealed.load(ALICE)).isEmpty();
            assertThat(sealed.list()).isEmpty();

            assertThat(log.warnings()).as("said once, not per call").singleElement().asString()
                    .contains("it is not sealed, but a store key is configured: refused")
                    .doesNotContain("bearer-666");
        }
        assertThat(sealed.save(StoreWorker.small(ALICE, 2), 0)).as("the next login is saved, sealed")
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(Files.readString(aliceFile(sealed))).contains("\"encrypted\":true").doesNotContain("bearer-2");
    }

    @Test
    void a_record_sealed_with_another_key_is_an_error_naming_both_key_ids_and_the_fix() {
        Path directory = scratch.resolve("store");
        FileTokenStore.open(directory, oldKey, InstantSource.system()).save(StoreWorker.small(ALICE, 1), 0);
        FileTokenStore other = FileTokenStore.open(directory, newKey, InstantSource.system());

        assertThatThrownBy(() -> other.load(ALICE)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).retryable()).isFalse())
                .hasMessageContaining("was sealed with another store key (key id " + oldKey.id())
                .hasMessageContaining(newKey.id() + " (current)")
                .hasMessageContaining("no login is made over it")
                .hasMessageContaining("LP_STORE_KEY_PREVIOUS")
                .hasMessageNotContaining(oldKey.revealBase64()).hasMessageNotContaining(newKey.revealBase64());
    }

    @Test
    void a_sealed_record_without_a_key_is_an_error_not_nothing_stored() {
        Path directory = scratch.resolve("store");
        FileTokenStore.open(directory, oldKey, InstantSource.system()).save(StoreWorker.small(ALICE, 1), 0);

        assertThatThrownBy(() -> FileTokenStore.open(directory, InstantSource.system()).load(ALICE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is sealed (key id " + oldKey.id() + ") but no store key is configured")
                .hasMessageContaining("LP_STORE_KEY");
    }

    @Test
    void a_previous_key_opens_old_records_and_the_next_save_seals_with_the_current_key() throws Exception {
        Path directory = scratch.resolve("store");
        FileTokenStore.open(directory, oldKey, InstantSource.system()).save(StoreWorker.small(ALICE, 1), 0);
        FileTokenStore rotated = FileTokenStore.open(directory, newKey.withPrevious(List.of(oldKey)),
                InstantSource.system());

        Session old = rotated.load(ALICE).orElseThrow();
        assertThat(old).isEqualTo(StoreWorker.small(ALICE, 1).withVersion(1));
        rotated.save(StoreWorker.small(ALICE, 2), 1);

        assertThat(Files.readString(aliceFile(rotated))).contains("\"keyId\":\"" + newKey.id() + "\"");
        assertThat(FileTokenStore.open(directory, newKey, InstantSource.system()).load(ALICE))
                .as("the old key is no longer needed").contains(StoreWorker.small(ALICE, 2).withVersion(2));
        assertThatThrownBy(() -> FileTokenStore.open(directory, oldKey, InstantSource.system()).load(ALICE))
                .as("a replica still on the old key alone fails, it does not log in")
                .isInstanceOf(StoreException.class).hasMessageContaining("sealed with another store key");
    }

    @Test
    void previous_keys_come_from_lp_store_key_previous_or_the_key_files_further_lines() throws Exception {
        EncryptionKey fromVariables = EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY", newKey.revealBase64(),
                "LP_STORE_KEY_PREVIOUS", oldKey.revealBase64() + ", " + EncryptionKey.generate().revealBase64()))
                .orElseThrow();
        Path file = Files.writeString(scratch.resolve("store.key"),
                newKey.revealBase64() + "\n# the key before the rotation of March\n" + oldKey.revealBase64() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        EncryptionKey fromFile = EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY_FILE", file.toString()))
                .orElseThrow();

        assertThat(fromVariables).isEqualTo(newKey);
        assertThat(fromVariables.previous()).hasSize(2).first().isEqualTo(oldKey);
        assertThat(fromFile).isEqualTo(newKey);
        assertThat(fromFile.previous()).containsExactly(oldKey);
        assertThat(fromFile.toString()).contains(oldKey.id()).doesNotContain(oldKey.revealBase64());
        assertThatThrownBy(() -> EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY_PREVIOUS",
                oldKey.revealBase64()))).isInstanceOf(StoreException.class)
                .hasMessageContaining("LP_STORE_KEY_PREVIOUS is set but no current key");
    }

    @Test
    void copies_of_unreadable_files_are_deleted_once_older_than_their_lifetime() throws Exception {
        Instant now = Instant.parse("2026-11-27T19:30:00.250Z");
        FileTokenStore store = FileTokenStore.open(scratch.resolve("store"), InstantSource.fixed(now));
        Path file = aliceFile(store);
        Path old = Files.writeString(file.resolveSibling(file.getFileName() + ".corrupt-20261126T193000.250Z"),
                "{\"session\":{\"bearer\":\"an old bearer in clear\"");
        Path numbered = Files.writeString(
                file.resolveSibling(file.getFileName() + ".corrupt-20261126T193000.250Z-2"), "x");
        Path recent = Files.writeString(file.resolveSibling(file.getFileName() + ".corrupt-20261127T093000.000Z"),
                "{\"session\"");

        FileTokenStore.open(store.directory(), InstantSource.fixed(now));

        assertThat(old).doesNotExist();
        assertThat(numbered).doesNotExist();
        assertThat(recent).as("younger than " + FileTokenStore.CORRUPT_COPY_LIFETIME).exists();

        // a long-running process cleans up too, whenever it moves another file aside
        FileTokenStore later = FileTokenStore.open(store.directory(), InstantSource.fixed(now.plusSeconds(86_400)));
        Files.writeString(file, "not json");
        assertThat(later.load(ALICE)).isEmpty();
        assertThat(recent).doesNotExist();
    }
}
