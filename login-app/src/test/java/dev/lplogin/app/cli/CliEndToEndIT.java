package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI, as separate processes on the module path, against the emulator over HTTPS (its certificate passed with
 * LP_CA_CERT) with a temporary store: every command, the exit codes, and what a person reads.
 */
class CliEndToEndIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void cli() throws Exception {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir);
    }

    @Test
    void domain_prints_the_login_host_and_lists_all_services() {
        CliProcess.Result one = cli.run("domain", "--account", ACCOUNT);
        CliProcess.Result all = cli.run("domain", "--account", ACCOUNT, "--all", "--json");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.line()).isEqualTo(emulator.authority());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.line()).startsWith("{\"account\":\"" + ACCOUNT + "\",\"services\":{")
                .contains("\"agentVep\":\"" + emulator.authority() + "\"");
    }

    @Test
    void login_then_token_in_another_process_reuses_the_stored_session() {
        CliProcess.Result login = userLogin();
        CliProcess.Result token = cli.run("token", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result again = cli.run("token", "--account", ACCOUNT); // --user omitted: the only stored session

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.line()).startsWith("logged in " + ACCOUNT + "/demo at " + emulator.authority());
        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(token.line()).matches(HEX64);
        assertThat(emulator.isBearerValid(token.line())).isTrue();
        assertThat(again.line()).isEqualTo(token.line());
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("the emulator sees one login only").isEqualTo(1);
        assertThat(login.out() + login.err()).doesNotContain(DemoAccount.PASSWORD).doesNotContain(token.line());
    }

    @Test
    void token_logs_in_by_itself_with_credentials_from_the_environment_and_then_reuses_it() {
        Map<String, String> env = Map.of("LP_ACCOUNT", ACCOUNT, "LP_USERNAME", DemoAccount.BOT_USERNAME,
                "LP_CLIENT_ID", DemoAccount.CLIENT_ID, "LP_CLIENT_SECRET", DemoAccount.CLIENT_SECRET);

        CliProcess.Result first = cli.run(env, "", "token");
        CliProcess.Result second = cli.run(env, "", "token");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.line()).isEqualTo(first.line());
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void processes_started_at_once_share_one_login_through_the_store() {
        Map<String, String> env = Map.of("LP_ACCOUNT", ACCOUNT, "LP_USERNAME", DemoAccount.USERNAME,
                "LP_PASSWORD", DemoAccount.PASSWORD);

        List<Process> started = Stream.generate(() -> cli.start(env, "token")).limit(3).toList();
        List<CliProcess.Result> results = started.stream().map(CliProcess::finish).toList();

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.err()).isZero());
        assertThat(results.stream().map(CliProcess.Result::line).distinct()).hasSize(1);
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void refresh_status_and_logout_work_on_the_stored_session() {
        userLogin();
        String bearer = cli.run("token", "--account", ACCOUNT).line();

        CliProcess.Result refresh = cli.run("refresh", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result status = cli.run("status");
        CliProcess.Result statusJson = cli.run("status", "--json");
        CliProcess.Result logout = cli.run("logout", "--account", ACCOUNT);
        CliProcess.Result after = cli.run("status");
        CliProcess.Result twice = cli.run("logout", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);

        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(refresh.line()).startsWith("refreshed " + ACCOUNT + "/demo");
        assertThat(emulator.stats().requests(Endpoint.REFRESH)).isEqualTo(1);
        assertThat(status.out()).contains("ACCOUNT", "USER", "LOGIN HOST", "AGE", "LAST REFRESH", "STATE")
                .contains(ACCOUNT).contains("demo").contains(emulator.authority()).contains("fresh");
        assertThat(statusJson.line()).contains("\"user\":\"demo\"").contains("\"state\":\"fresh\"");
        assertThat(status.out() + statusJson.out()).doesNotContain(bearer);
        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(logout.line()).isEqualTo("logged out " + ACCOUNT + "/demo");
        assertThat(emulator.isBearerValid(bearer)).isFalse();
        assertThat(after.line()).startsWith("no stored sessions");
        assertThat(twice.exitCode()).isZero();
        assertThat(twice.line()).contains("nothing to log out");
    }

    @Test
    void bots_log_in_with_oauth2_from_env_or_stdin_and_with_legacy_oauth1() {
        CliProcess.Result oauth2 = cli.run(Map.of("LP_CLIENT_SECRET", DemoAccount.CLIENT_SECRET), "", "login",
                "--account", ACCOUNT, "--user", DemoAccount.BOT_USERNAME, "--client-id", DemoAccount.CLIENT_ID);
        CliProcess.Result stdin = cli.run(Map.of(), DemoAccount.CLIENT_SECRET + "\n", "login", "--account", ACCOUNT,
                "--user", DemoAccount.BOT_USERNAME, "--client-id", DemoAccount.CLIENT_ID, "--secret-stdin");
        CliProcess.Result legacy = cli.run(Map.of("LP_APP_SECRET", DemoAccount.LEGACY_SECRET,
                "LP_ACCESS_TOKEN", DemoAccount.LEGACY_ACCESS_TOKEN,
                "LP_ACCESS_TOKEN_SECRET", DemoAccount.LEGACY_ACCESS_TOKEN_SECRET), "", "login", "--account", ACCOUNT,
                "--user", DemoAccount.LEGACY_BOT_USERNAME, "--app-key", DemoAccount.LEGACY_APP_KEY);
        CliProcess.Result logoutAll = cli.run("logout", "--all", "--json");

        assertThat(oauth2.exitCode()).as(oauth2.err()).isZero();
        assertThat(stdin.exitCode()).as(stdin.err()).isZero();
        assertThat(legacy.exitCode()).as(legacy.err()).isZero();
        assertThat(legacy.err()).as("warned once, pointing to the OAuth2 form")
                .containsOnlyOnce("LivePerson ended OAuth1 bot login on 30 April 2026").contains("--client-id");
        assertThat(oauth2.err()).doesNotContain("OAuth1");
        assertThat(logoutAll.line()).isEqualTo("{\"loggedOut\":2}");
        assertThat(emulator.stats().activeSessions()).isZero();
    }

    @Test
    void a_password_can_come_from_stdin() {
        CliProcess.Result login = cli.run(Map.of(), DemoAccount.PASSWORD + "\n", "login", "--account", ACCOUNT,
                "--user", DemoAccount.USERNAME, "--password-stdin", "--json");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.line()).startsWith("{\"account\":\"" + ACCOUNT + "\",\"user\":\"demo\"");
    }

    @Test
    void bad_input_gives_exit_2_with_a_clear_message() {
        CliProcess.Result unknown = cli.run(Map.of("LP_PASSWORD", "x"), "", "login", "--account", "99999999",
                "--user", "demo");
        CliProcess.Result slash = cli.run("token", "--account", "123/45", "--user", "demo");
        CliProcess.Result space = cli.run("token", "--account", "123 45", "--user", "demo");
        CliProcess.Result noPassword = cli.run("login", "--account", ACCOUNT, "--user", "demo");

        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(2);
        assertThat(unknown.err()).contains("99999999").contains("account id");
        assertThat(slash.exitCode()).isEqualTo(2);
        assertThat(slash.err()).contains("account id must be").contains("123/45");
        assertThat(space.exitCode()).isEqualTo(2);
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.err()).contains("missing password").contains("LP_PASSWORD");
        Stream.of(unknown, slash, space, noPassword).forEach(r -> assertThat(r.err()).doesNotContain("\tat "));
    }

    @Test
    void wrong_password_exits_3_and_blocked_user_exits_4() {
        CliProcess.Result wrong = cli.run(Map.of("LP_PASSWORD", "not-the-password"), "", "login",
                "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result blocked = cli.run(Map.of("LP_PASSWORD", DemoAccount.BLOCKED_PASSWORD), "", "login",
                "--account", ACCOUNT, "--user", DemoAccount.BLOCKED_USERNAME);

        assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(3);
        assertThat(wrong.err()).contains("rejected").doesNotContain("not-the-password");
        assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(4);
        assertThat(blocked.err()).contains("blocked").contains("LivePerson support");
    }

    @Test
    void unreachable_csds_exits_6_and_names_the_step() {
        // Short retry pauses: the default (5 s, 10 s, 15 s, spec §3.4) is right for people, too slow for a test.
        CliProcess.Result result = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD,
                "LP_RETRY_DELAYS", "50ms,50ms"), "", "--csds", "http://127.0.0.1:1", "login", "--account", ACCOUNT,
                "--user", DemoAccount.USERNAME);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(6);
        assertThat(result.err()).contains("domain lookup").doesNotContain("\tat ");
        assertThat(result.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void no_session_and_no_credentials_exits_7() {
        CliProcess.Result result = cli.run("token", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result noUser = cli.run("refresh", "--account", ACCOUNT);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(7);
        assertThat(result.err()).contains("lp-login login");
        assertThat(noUser.exitCode()).isEqualTo(7);
    }

    @Test
    void a_corrupt_store_file_is_moved_aside_with_a_warning_and_does_not_break_the_cli() throws Exception {
        userLogin();
        Path store = CliProcess.store(dir);
        try (Stream<Path> files = Files.list(store)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.writeString(file, "{ not json");
            }
        }

        CliProcess.Result token = cli.run("token", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
        CliProcess.Result status = cli.run("status");

        assertThat(token.exitCode()).as(token.err()).isEqualTo(7);
        assertThat(token.err()).contains("corrupt", "not well-formed JSON").doesNotContain("Jsonb", "Exception");
        assertThat(status.exitCode()).isZero();
        assertThat(status.line()).startsWith("no stored sessions");
    }

    @Test
    void demo_walks_through_the_lifecycle_and_shows_no_secret() {
        CliProcess.Result demo = cli.run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("domain lookup", "user login", "token", "refresh", "OAuth2 bot login",
                "status", "logout", "done in");
        assertThat(demo.out()).containsPattern("\\[ *\\d+ ms\\]");
        assertThat(HEX64.matcher(demo.out() + demo.err()).find()).as("no bearer or csrf in the output").isFalse();
        assertThat(demo.out()).doesNotContain(DemoAccount.PASSWORD).doesNotContain(DemoAccount.CLIENT_SECRET);
    }

    private CliProcess.Result userLogin() {
        return cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "login", "--account", ACCOUNT,
                "--user", DemoAccount.USERNAME);
    }
}
