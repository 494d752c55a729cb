package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest: no secret in clear, and a modified file or a wrong key is an error, never a wrong session. */
class FileTokenStoreEncryptionTest {

    private static final SessionKey ALICE = SessionKey.of("12345678", "alice");
    private static final SessionKey BOB = SessionKey.of("12345678", "bob");

    @TempDir
    Path scratch;

    private final EncryptionKey key = EncryptionKey.generate();
    private Path directory;
    private FileTokenStore store;
    private Path aliceFile;

    @BeforeEach
    void aliceAndBob() {
        directory = scratch.resolve("store");
        store = FileTokenStore.open(directory, key, InstantSource.system());
        store.save(StoreWorker.small(ALICE, 1), 0);
        store.save(StoreWorker.small(BOB, 1), 0);
        aliceFile = store.directory().resolve(FileTokenStore.nameOf(ALICE) + ".json");
    }

    @Test
    void the_file_holds_none_of_the_secret_values_in_clear() throws Exception {
        String content = Files.readString(aliceFile);

        assertThat(content).doesNotContain("bearer-1", "csrf-1", "cookie-1")
                .contains("\"encrypted\":true", "\"keyId\":\"" + key.id() + "\"", "\"loginName\":\"alice\"");
        assertThat(store.load(ALICE)).contains(StoreWorker.small(ALICE, 1).withVersion(1));
    }

    @Test
    void a_flipped_ciphertext_byte_is_reported_as_tampering_and_the_file_is_kept() throws Exception {
        String content = Files.readString(aliceFile);
        Matcher ciphertext = Pattern.compile("\"ciphertext\":\"([^\"]+)\"").matcher(content);
        assertThat(ciphertext.find()).isTrue();
        byte[] sealed = Base64.getDecoder().decode(ciphertext.group(1));
        sealed[sealed.length / 2] ^= 0x01;
        String tampered = content.replace(ciphertext.group(1), Base64.getEncoder().encodeToString(sealed));
        Files.writeString(aliceFile, tampered);

        assertThatThrownBy(() -> store.load(ALICE)).isInstanceOf(StoreException.class)
                .hasMessageContaining(aliceFile.toString())
                .hasMessageContaining("failed authentication: it was modified or damaged");
        assertThat(Files.readString(aliceFile)).as("evidence kept").isEqualTo(tampered);
        assertThat(store.list()).extracting(Session::key).containsExactly(BOB);
    }

    @Test
    void no_single_flipped_byte_anywhere_in_the_file_yields_a_different_session() throws Exception {
        byte[] original = Files.readAllBytes(aliceFile);
        Session genuine = store.load(ALICE).orElseThrow();
        for (int position = 0; position < original.length; position++) {
            byte[] flipped = original.clone();
            flipped[position] ^= 0x01;
            Files.write(aliceFile, flipped);

            Optional<Session> loaded;
            try {
                loaded = store.load(ALICE);
            } catch (StoreException reported) {
                continue;
            }
            assertThat(loaded).as("byte %d flipped", position).satisfiesAnyOf(
                    l -> assertThat(l).isEmpty(), // moved aside as corrupt, with a warning
                    l -> assertThat(l).contains(genuine)); // a flip the format ignores, e.g. in base64 padding bits
        }
    }

    @Test
    void a_wrong_key_is_reported_as_such_and_the_right_key_still_works() {
        FileTokenStore wrong = FileTokenStore.open(directory, EncryptionKey.generate(), InstantSource.system());

        assertThatThrownBy(() -> wrong.load(ALICE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("was sealed with another store key (key id " + key.id());
        assertThatThrownBy(() -> wrong.save(StoreWorker.small(ALICE, 2), 1)).isInstanceOf(StoreException.class);
        assertThat(store.load(ALICE)).contains(StoreWorker.small(ALICE, 1).withVersion(1));
    }

    @Test
    void an_encrypted_file_without_a_configured_key_says_which_variable_to_set() {
        FileTokenStore plain = FileTokenStore.open(directory, InstantSource.system());

        assertThatThrownBy(() -> plain.load(ALICE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is sealed (key id " + key.id() + ") but no store key is configured")
                .hasMessageContaining("LP_STORE_KEY");
    }

    @Test
    void a_sealed_session_moved_to_another_key_does_not_open() throws Exception {
        Path bobFile = store.directory().resolve(FileTokenStore.nameOf(BOB) + ".json");
        String aliceAsBob = Files.readString(aliceFile).replace("\"loginName\":\"alice\"", "\"loginName\":\"bob\"");
        Files.writeString(bobFile, aliceAsBob);

        assertThatThrownBy(() -> store.load(BOB)).isInstanceOf(StoreException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void a_plaintext_session_under_a_key_is_moved_aside_and_logs_in_again_sealed() throws Exception {
        Path plainDirectory = scratch.resolve("plain");
        FileTokenStore.open(plainDirectory, InstantSource.system()).save(StoreWorker.small(ALICE, 1), 0);
        FileTokenStore encrypting = FileTokenStore.open(plainDirectory, key, InstantSource.system());

        assertThat(encrypting.load(ALICE)).as("never adopted: anyone who can write the store could have planted it")
                .isEmpty();
        encrypting.save(StoreWorker.small(ALICE, 2), 0);
        Path file = plainDirectory.resolve(FileTokenStore.nameOf(ALICE) + ".json");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("\"encrypted\":true").doesNotContain("csrf-2");
    }
}
