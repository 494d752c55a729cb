package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's pieces that need no process: the listen address, the key, the sink file, the config file. */
class AgentPartsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:0", "localhost:7373", "[::1]:0", "127.0.0.2:65535"})
    void loopback_addresses_are_accepted(String listen) {
        InetSocketAddress address = AgentServer.loopback(listen);

        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0:0", "[::]:0", "192.0.2.1:80"})
    void other_addresses_are_refused_as_usage_errors(String listen) {
        assertThatThrownBy(() -> AgentServer.loopback(listen)).isInstanceOfSatisfying(CliException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("not a loopback address");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"7373", "127.0.0.1", "127.0.0.1:", ":80", "127.0.0.1:65536", "127.0.0.1:http"})
    void malformed_addresses_say_what_is_expected(String listen) {
        assertThatThrownBy(() -> AgentServer.loopback(listen)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).contains("HOST:PORT"));
    }

    @Test
    void keys_are_random_match_only_themselves_and_never_print() {
        AgentKey key = AgentKey.generate();
        String value = key.reveal();

        assertThat(value).matches("[A-Za-z0-9_-]{43}");
        assertThat(AgentKey.generate().reveal()).isNotEqualTo(value);
        assertThat(key.matches(value)).isTrue();
        assertThat(key.matches(value + "\n")).as("a key read from the file with its line end").isTrue();
        assertThat(key.matches(value.substring(1))).isFalse();
        assertThat(key.matches(value.substring(0, 42) + (value.charAt(42) == 'A' ? 'B' : 'A'))).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain(value);
    }

    @Test
    void a_sink_is_replaced_atomically_owner_only_and_leaves_no_temporary_file() throws Exception {
        SinkFile sink = SinkFile.at(dir.resolve("new/dir/bearer"), "sink");

        sink.write("first\n");
        sink.write("second\n");

        assertThat(Files.readString(sink.path())).isEqualTo("second\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sink.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sink.path().getParent())))
                .as("a missing directory is created private").isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(sink.path().getParent())) {
            assertThat(files).containsExactly(sink.path());
        }
        assertThat(sink.delete()).isTrue();
        assertThat(sink.path()).doesNotExist();
        assertThat(sink.delete()).isFalse();
    }

    @Test
    void a_sink_in_a_directory_group_or_others_may_write_is_refused() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));

        assertThatThrownBy(() -> SinkFile.at(shared.resolve("bearer"), "sink"))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("may be written by others").contains("rwxrwx---");
                    assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("chmod go-w"));
                });
    }

    @Test
    void a_directory_of_another_user_anywhere_up_the_path_is_refused() throws Exception {
        assumeTrue(PrivateDirectory.currentUid().equals(Optional.of(0)), "chown needs root");
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> SinkFile.at(theirs.resolve("mine/bearer"), "sink"))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(theirs.toString()).contains("belongs to another user");
                });
        // and for a user who is not root, root's directories and their own are fine, another's are not
        assertThat(PrivateDirectory.unsafe(dir.toRealPath(), 4242)).isEmpty();
        assertThat(PrivateDirectory.unsafe(theirs.toRealPath(), 4242)).isPresent();
    }

    @Test
    void a_sink_in_a_shared_sticky_directory_is_refused_without_advising_to_chmod_it() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        assumeTrue(((Integer) Files.getAttribute(tmp, "unix:mode") & 01002) == 01002, "a sticky shared tmp");

        assertThatThrownBy(() -> SinkFile.at(tmp.resolve("lp-login-test-bearer"), "sink"))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.getMessage()).contains("may be written by others");
                    assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).doesNotContain("chmod")
                            .contains("XDG_RUNTIME_DIR"));
                });
        // a private directory of one's own inside it is fine: nobody else may rename it
        Path mine = Files.createTempDirectory("lp-login-test-");
        try {
            SinkFile.at(mine.resolve("bearer"), "sink");
        } finally {
            Files.delete(mine);
        }
    }

    @Test
    void a_missing_directory_right_under_the_filesystem_root_is_not_created() {
        Path atRoot = Path.of("/lp-login-test-" + System.nanoTime());
        try {
            assertThatThrownBy(() -> SinkFile.at(atRoot.resolve("bearer"), "sink"))
                    .isInstanceOfSatisfying(CliException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("filesystem root").contains("XDG_RUNTIME_DIR");
                        assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint)
                                .contains("~/.local/state/lp-login/bearer"));
                    });
            assertThat(atRoot).doesNotExist();
        } finally {
            atRoot.toFile().delete();
        }
    }

    @Test
    void one_owner_per_file_a_leftover_is_removed_and_only_what_was_written_is_deleted() throws Exception {
        Path file = dir.resolve("run/bearer");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "left by a crashed agent\n");
        SinkFile first = SinkFile.at(file, "sink");
        SinkFile second = SinkFile.at(file, "sink");

        first.claim();
        assertThat(file).as("a leftover nobody owned").doesNotExist();
        first.write("bearer\n");
        assertThat(SinkFile.ownedByAnother(file)).isFalse(); // this JVM owns it
        assertThatThrownBy(second::claim).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).contains("another agent").contains(file.toString()));
        assertThat(second.delete()).as("never wrote it: leaves it").isFalse();
        assertThat(Files.readString(file)).isEqualTo("bearer\n");
        assertThat(first.delete()).isTrue();
        second.claim(); // free again
        second.delete();
    }

    @Test
    void the_config_file_reads_sessions_and_settings() throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, """
                listen=127.0.0.1:7373
                logout-on-exit=true
                session.b.account=12345678
                session.b.user=bot
                session.b.sink=/run/b.token
                session.b.credentials-prefix=BOT_
                session.a.user=alice
                """);

        AgentConfigFile config = AgentConfigFile.read(file);

        assertThat(config.listen()).contains("127.0.0.1:7373");
        assertThat(config.logoutOnExit()).contains(true);
        assertThat(config.keyFile()).isEmpty();
        assertThat(config.sessions()).extracting(AgentConfigFile.Session::name).containsExactly("a", "b");
        assertThat(config.sessions().get(1).sink()).contains(Path.of("/run/b.token"));
        assertThat(config.sessions().get(1).credentialsPrefix()).contains("BOT_");
        assertThat(config.sessions().get(0).account()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=secret", "session.a.password=x", "logout-on-exit=yes",
            "session.a.credentials-prefix=no spaces"})
    void a_bad_config_line_is_a_usage_error_naming_it(String line) throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, line + "\n");

        assertThatThrownBy(() -> AgentConfigFile.read(file)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).contains(file.toString()).doesNotContain("secret"));
    }
}
