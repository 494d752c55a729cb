package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lp-login emulator --second-login refuse --refuse-oauth1}, driven by other {@code lp-login} processes: what a
 * user of the CLI sees when LivePerson refuses a second login of a live user, or an OAuth1 bot login
 * (docs/protocol.md §3.5, §5).
 */
class EmulatorOptionsIT {

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;

    @TempDir
    Path dir;

    private Process emulator;

    @AfterEach
    void stop() throws InterruptedException {
        if (emulator != null) {
            emulator.toHandle().destroy();
            emulator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_refused_second_login_exits_5_and_leaves_the_first_session_alive() throws Exception {
        String url = startEmulator("--second-login", "refuse");
        CliProcess first = new CliProcess(dir.resolve("a")).env("LP_CSDS", url);
        CliProcess second = new CliProcess(dir.resolve("b")).env("LP_CSDS", url); // another store: no sharing

        CliProcess.Result firstLogin = login(first);
        CliProcess.Result secondLogin = login(second);
        CliProcess.Result firstRefresh = first.run("refresh", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);

        assertThat(firstLogin.exitCode()).as(firstLogin.err()).isZero();
        assertThat(secondLogin.exitCode()).as(secondLogin.err()).isEqualTo(5);
        assertThat(secondLogin.err()).contains("HTTP 429").contains("LP_STORE");
        assertThat(firstRefresh.exitCode()).as("the first session lives on: " + firstRefresh.err()).isZero();
    }

    @Test
    void kick_out_lets_the_second_login_in_and_the_first_session_dies() throws Exception {
        String url = startEmulator("--second-login", "kick-out");
        CliProcess first = new CliProcess(dir.resolve("a")).env("LP_CSDS", url);
        CliProcess second = new CliProcess(dir.resolve("b")).env("LP_CSDS", url);

        login(first);
        CliProcess.Result secondLogin = login(second);
        CliProcess.Result firstRefresh = first.run("refresh", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);

        assertThat(secondLogin.exitCode()).as(secondLogin.err()).isZero();
        assertThat(firstRefresh.exitCode()).as("no credentials held to log in again").isEqualTo(7);
        assertThat(firstRefresh.err()).contains("session has ended");
    }

    @Test
    void a_refused_oauth1_login_exits_3_after_the_warning() throws Exception {
        String url = startEmulator("--refuse-oauth1");
        CliProcess cli = new CliProcess(dir.resolve("a")).env("LP_CSDS", url);

        CliProcess.Result legacy = cli.run(Map.of("LP_APP_SECRET", DemoAccount.LEGACY_SECRET,
                "LP_ACCESS_TOKEN", DemoAccount.LEGACY_ACCESS_TOKEN,
                "LP_ACCESS_TOKEN_SECRET", DemoAccount.LEGACY_ACCESS_TOKEN_SECRET), "", "login", "--account", ACCOUNT,
                "--user", DemoAccount.LEGACY_BOT_USERNAME, "--app-key", DemoAccount.LEGACY_APP_KEY);
        CliProcess.Result oauth2 = cli.run(Map.of("LP_CLIENT_SECRET", DemoAccount.CLIENT_SECRET), "", "login",
                "--account", ACCOUNT, "--user", DemoAccount.BOT_USERNAME, "--client-id", DemoAccount.CLIENT_ID);

        assertThat(legacy.exitCode()).as(legacy.err()).isEqualTo(3);
        assertThat(legacy.err()).containsOnlyOnce("ended OAuth1 bot login on 30 April 2026").contains("--client-id");
        assertThat(oauth2.exitCode()).as(oauth2.err()).isZero();
    }

    @Test
    void an_unknown_second_login_mode_is_a_usage_error() {
        CliProcess.Result bad = new CliProcess(dir).run("emulator", "--http", "--second-login", "deny");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--second-login").contains("kick-out, refuse, allow").contains("deny");
    }

    private static CliProcess.Result login(CliProcess cli) {
        return cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "login", "--account", ACCOUNT,
                "--user", DemoAccount.USERNAME);
    }

    /** Starts {@code lp-login emulator --http …} and returns its base URL (its first line on stdout). */
    private String startEmulator(String... options) throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = "emulator";
        args[1] = "--http";
        System.arraycopy(options, 0, args, 2, options.length);
        emulator = new CliProcess(dir.resolve("emulator")).start(Map.of(), args);
        String url = CliProcess.firstLine(emulator);
        assertThat(url).as("the emulator's first line").startsWith("http://127.0.0.1:");
        return url;
    }
}
