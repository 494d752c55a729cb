package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.port.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the store key from the environment or a file, with errors that say how to fix them. */
class EncryptionKeyTest {

    private static final String VALID = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');

    @TempDir
    Path scratch;

    @Test
    void lp_store_key_is_base64_of_exactly_32_bytes() {
        EncryptionKey key = EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY", " " + VALID + "\n")).orElseThrow();

        assertThat(key.revealBase64()).isEqualTo(VALID);
        assertThat(key).isEqualTo(EncryptionKey.fromBase64(VALID));
        assertThat(key.id()).hasSize(16).isHexadecimal();
    }

    @Test
    void no_key_configured_means_plaintext() {
        assertThat(EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY", "", "HOME", "/x"))).isEmpty();
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_without_echoing_it() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

        assertThatThrownBy(() -> EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY", shortKey)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("LP_STORE_KEY decodes to 16 bytes but an AES-256 key is exactly 32 bytes")
                .hasMessageContaining("head -c 32 /dev/urandom | base64")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void a_key_that_is_not_base64_is_refused() {
        assertThatThrownBy(() -> EncryptionKey.fromBase64("not*base64!"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not valid base64");
    }

    @Test
    void a_key_file_readable_only_by_its_owner_is_accepted() throws Exception {
        Path file = Files.writeString(scratch.resolve("store.key"), VALID + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY_FILE", file.toString())))
                .contains(EncryptionKey.fromBase64(VALID));
    }

    @Test
    void a_key_file_others_can_read_is_refused_with_the_fix() throws Exception {
        Path file = Files.writeString(scratch.resolve("store.key"), VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> EncryptionKey.fromFile(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void a_missing_key_file_names_the_variable() {
        assertThatThrownBy(() -> EncryptionKey.fromEnvironment(Map.of("LP_STORE_KEY_FILE", "/no/such/key")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot read key file /no/such/key")
                .hasMessageContaining("LP_STORE_KEY_FILE");
    }

    @Test
    void setting_both_variables_is_ambiguous_and_refused() {
        Map<String, String> both = Map.of("LP_STORE_KEY", VALID, "LP_STORE_KEY_FILE", "/k");

        assertThatThrownBy(() -> EncryptionKey.fromEnvironment(both))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("set only one");
    }

    @Test
    void to_string_shows_the_id_not_the_key() {
        EncryptionKey key = EncryptionKey.fromBase64(VALID);

        assertThat(key).hasToString("EncryptionKey[id=" + key.id() + "]");
    }
}
