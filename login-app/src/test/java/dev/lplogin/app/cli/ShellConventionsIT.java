package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code exec}, {@code token --verify} and {@code completion}, as real processes against the emulator. */
class ShellConventionsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final String USER = DemoAccount.USERNAME;

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void cli() {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir);
    }

    @Test
    void exec_runs_the_command_with_the_bearer_in_its_environment_and_passes_its_exit_code_through() {
        CliProcess.Result result = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "exec",
                "--account", ACCOUNT, "--user", USER, "--",
                "sh", "-c", "printf '%s|%s|%s' \"$LP_BEARER\" \"${LP_BEARER_FILE-unset}\" \"${LP_PASSWORD-unset}\"; "
                        + "exit 42");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(42);
        String[] seen = result.out().split("\\|", -1);
        assertThat(emulator.isBearerValid(seen[0])).as("LP_BEARER is a valid bearer").isTrue();
        assertThat(seen[1]).as("no agent runs: no LP_BEARER_FILE").isEqualTo("unset");
        assertThat(seen[2]).as("the login secret is not passed on").isEqualTo("unset");
        assertThat(result.err()).doesNotContain(seen[0]);
    }

    @Test
    void exec_passes_the_bearer_and_none_of_lp_logins_own_secrets() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("LP_PASSWORD", DemoAccount.PASSWORD,
                "LP_REDIS_PASSWORD", "redis-pw-1", "BOT_LP_CLIENT_SECRET", "bot-secret-2",
                "BOT_LP_PASSWORD", "bot-pw-3", "OTHER_LP_STORE_KEY", "old-key-4",
                "HTTPS_PROXY", "http://proxy-user:proxy-pw-5@127.0.0.1:9", "all_proxy", "socks5://u:proxy-pw-6@h:1",
                "LP_ACCESS_TOKEN_SECRET", "oauth1-7", "KEEP_ME", "plain-value"));
        env.put("http_proxy", "http://127.0.0.1:3128");

        CliProcess.Result result = cli.run(env, "", "exec", "--account", ACCOUNT, "--user", USER, "--", "env");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("LP_BEARER=").contains("KEEP_ME=plain-value")
                .as("a proxy without credentials is the command's too").contains("http_proxy=http://127.0.0.1:3128");
        for (String secret : List.of(DemoAccount.PASSWORD, "redis-pw-1", "bot-secret-2", "bot-pw-3", "old-key-4",
                "proxy-pw-5", "proxy-pw-6", "oauth1-7")) {
            assertThat(result.out()).as("withheld from the command").doesNotContain(secret);
        }
    }

    @Test
    void exec_of_a_missing_command_exits_127_with_a_one_line_error() {
        CliProcess.Result result = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "exec",
                "--account", ACCOUNT, "--user", USER, "--", "no-such-command-lp-login-test");

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.err()).contains("cannot run 'no-such-command-lp-login-test'").doesNotContain("Exception");
    }

    @Test
    void token_verify_logs_in_again_when_the_service_killed_the_session() {
        Map<String, String> env = Map.of("LP_PASSWORD", DemoAccount.PASSWORD);
        String first = cli.run(env, "", "token", "--account", ACCOUNT, "--user", USER).line();
        assertThat(emulator.expireSessions(ACCOUNT, USER)).isEqualTo(1);

        CliProcess.Result unverified = cli.run(env, "", "token", "--account", ACCOUNT, "--user", USER);
        CliProcess.Result verified = cli.run(env, "", "token", "--verify", "--account", ACCOUNT, "--user", USER);

        assertThat(unverified.line()).as("without --verify: the stored, fresh-looking bearer").isEqualTo(first);
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.line()).isNotEqualTo(first);
        assertThat(emulator.isBearerValid(verified.line())).isTrue();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(2);
        assertThat(emulator.stats().requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void completion_prints_scripts_that_know_every_command() {
        CliProcess.Result bash = cli.run("completion", "bash");
        CliProcess.Result zsh = cli.run("completion", "zsh");
        CliProcess.Result fish = cli.run("completion", "fish");

        assertThat(bash.exitCode()).as(bash.err()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("agent").contains("exec").contains("--sink");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit").contains("complete -F");
        assertThat(fish.exitCode()).isEqualTo(2);
    }

    @Test
    void completion_works_for_the_launcher_of_a_clone_too() throws Exception {
        Path script = dir.resolve("completion.bash");
        java.nio.file.Files.writeString(script, cli.run("completion", "bash").out());
        // what bash does on TAB after "bin/lp-login ag": the function registered for the command word, with the words
        String probe = "source '" + script + "'; for cmd in lp-login bin/lp-login ./bin/lp-login; do "
                + "spec=$(complete -p \"$cmd\") || exit 1; fn=${spec#*-F }; fn=${fn%% *}; "
                + "COMP_WORDS=(\"$cmd\" ag); COMP_CWORD=1; COMP_LINE=\"$cmd ag\"; COMP_POINT=${#COMP_LINE}; "
                + "COMPREPLY=(); \"$fn\" \"$cmd\" ag \"$cmd\" 2>/dev/null; echo \"$cmd:${COMPREPLY[*]}\"; done";
        Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(bash.waitFor()).as(out).isZero();
        assertThat(out.lines()).containsExactly("lp-login:agent", "bin/lp-login:agent", "./bin/lp-login:agent");
    }
}
