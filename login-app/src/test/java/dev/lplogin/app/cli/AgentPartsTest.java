package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
