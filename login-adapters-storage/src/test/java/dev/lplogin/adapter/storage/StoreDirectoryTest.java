package dev.lplogin.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lplogin.domain.port.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the file store lives, and that it refuses a directory other users could tamper with. */
class StoreDirectoryTest {

    private static final Path HOME = Path.of("/home/dana");

    @TempDir
    Path scratch;

    @Test
    void lp_store_wins_then_xdg_state_home_then_the_home_default() {
        assertThat(FileTokenStore.defaultDirectory(Map.of("LP_STORE", "/srv/lp", "XDG_STATE_HOME", "/x"), HOME))
                .isEqualTo(Path.of("/srv/lp"));
        assertThat(FileTokenStore.defaultDirectory(Map.of("XDG_STATE_HOME", "/var/state"), HOME))
                .isEqualTo(Path.of("/var/state/lp-login"));
        assertThat(FileTokenStore.defaultDirectory(Map.of(), HOME))
                .isEqualTo(Path.of("/home/dana/.local/state/lp-login"));
    }

    @Test
    void blank_values_and_a_relative_xdg_state_home_are_ignored() {
        assertThat(FileTokenStore.defaultDirectory(Map.of("LP_STORE", " ", "XDG_STATE_HOME", "relative/state"), HOME))
                .isEqualTo(Path.of("/home/dana/.local/state/lp-login"));
    }

    @Test
    void a_relative_lp_store_is_taken_from_the_working_directory() {
        assertThat(FileTokenStore.defaultDirectory(Map.of("LP_STORE", "sessions"), HOME))
                .isEqualTo(Path.of("sessions").toAbsolutePath());
    }

    @Test
    void from_environment_opens_the_configured_directory_encrypted_when_a_key_is_set() {
        Path directory = scratch.resolve("configured");
        FileTokenStore store = FileTokenStore.fromEnvironment(Map.of("LP_STORE", directory.toString(),
                "LP_STORE_KEY", EncryptionKey.generate().revealBase64()), HOME, InstantSource.system());

        assertThat(store.directory()).isEqualTo(directory);
        assertThat(store.encrypted()).isTrue();
        assertThat(Files.isDirectory(directory)).isTrue();
    }

    @Test
    void a_world_writable_directory_is_refused_with_the_fix() throws Exception {
        Path directory = Files.createDirectory(scratch.resolve("open"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> FileTokenStore.open(directory, InstantSource.system()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("writable by group or others")
                .hasMessageContaining("chmod 700 " + directory);

        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        assertThat(FileTokenStore.open(directory, InstantSource.system()).list()).isEmpty();
    }

    @Test
    void a_group_writable_directory_is_refused() throws Exception {
        Path directory = Files.createDirectory(scratch.resolve("group"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwx---"));

        assertThatThrownBy(() -> FileTokenStore.open(directory, InstantSource.system()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("chmod 700 " + directory);
    }

    @Test
    void a_directory_others_may_only_read_is_accepted() throws Exception {
        Path directory = Files.createDirectory(scratch.resolve("readable"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(FileTokenStore.open(directory, InstantSource.system()).list()).isEmpty();
    }

    @Test
    void a_directory_owned_by_another_user_is_refused() throws Exception {
        Path directory = Files.createDirectory(scratch.resolve("theirs"));
        UserPrincipal someoneElse = scratch.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("nobody");
        assumeThat(someoneElse).isNotEqualTo(Files.getOwner(directory));

        assertThatThrownBy(() -> StoreDirectory.check(directory, someoneElse))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is owned by " + Files.getOwner(directory).getName())
                .hasMessageContaining("not by you (nobody)");
    }

    @Test
    void a_file_is_not_a_store_directory() throws Exception {
        Path file = Files.writeString(scratch.resolve("plain-file"), "x");

        assertThatThrownBy(() -> FileTokenStore.open(file, InstantSource.system()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a directory");
    }
}
