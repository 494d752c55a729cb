package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lp-login api} as a real process against the emulator's protected skills API: bodies out unchanged, exit
 * codes by status, one replay after a killed session, a second 401 is exit 3, the bearer never printed.
 */
class ApiIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final String SKILLS = "/api/account/{accountId}/configuration/le-users/skills?v=2.0";
    private static final Map<String, String> PASSWORD = Map.of("LP_PASSWORD", DemoAccount.PASSWORD);

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void loggedIn() {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir).env("LP_ACCOUNT", ACCOUNT).env("LP_USERNAME", DemoAccount.USERNAME);
        CliProcess.Result login = cli.run(PASSWORD, "", "login");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    private String bearer() {
        return cli.run("token").line();
    }

    @Test
    void aReadPrintsTheBodyAndExitsZero() {
        CliProcess.Result read = cli.run("api", "accountConfigReadOnly", SKILLS);

        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).isEqualTo("[]");
        assertThat(read.err()).isEmpty();
    }

    @Test
    void aWriteTakesItsBodyFromTheFlagAFileOrStdinAndIncludeShowsTheAnswersHead() throws IOException {
        Path file = Files.writeString(dir.resolve("skill.json"), "{\"name\":\"from-file\"}");
        String[] write = {"api", "-H", "Content-Type: application/json", "-H", "If-Match: *",
            "accountConfigReadWrite", SKILLS};

        CliProcess.Result fromFlag = cli.run(concat(write, "--data", "{\"name\":\"from-flag\"}", "--include"));
        CliProcess.Result fromFile = cli.run(concat(write, "--data", "@" + file));
        CliProcess.Result fromStdin = cli.run(Map.of(), "{\"name\":\"from-stdin\"}", concat(write, "-d", "@-"));

        assertThat(fromFlag.exitCode()).as(fromFlag.err()).isZero();
        assertThat(fromFlag.out()).startsWith("HTTP/1.1 201\r\n").containsIgnoringCase("etag: \"2\"")
                .endsWith("\r\n\r\n{\"id\":1,\"name\":\"from-flag\"}");
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
        assertThat(emulator.skillNames(ACCOUNT)).containsExactly("from-flag", "from-file", "from-stdin");
    }

    @Test
    void anyOtherStatusExitsOneWithTheBodyOnStdoutAndOneLineNamingStatusAndService() {
        CliProcess.Result forbidden = cli.run("api", "accountConfigReadOnly",
                "/api/account/87654321/configuration/le-users/skills");
        CliProcess.Result stale = cli.run("api", "-X", "post", "-H", "If-Match: \"9\"", "-H",
                "Content-Type: application/json", "--data", "{\"name\":\"x\"}", "accountConfigReadWrite", SKILLS);
        CliProcess.Result json = cli.run("--json", "api", "accountConfigReadOnly", "api/account/87654321/x");

        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.out()).contains("FORBIDDEN");
        assertThat(forbidden.err().lines()).containsExactly("lp-login: accountConfigReadOnly answered HTTP 403");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.err().strip()).isEqualTo("lp-login: accountConfigReadWrite answered HTTP 412");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.err().strip()).startsWith("{\"error\":\"accountConfigReadOnly answered HTTP 404\"")
                .contains("\"exitCode\":1");
        assertThat(emulator.stats().requests(Endpoint.LIST_SKILLS)).as("no replay of a 403").isEqualTo(1);
    }

    @Test
    void aKilledSessionIsReplayedOnceAfterOneLoginAndASecond401ExitsThree() {
        emulator.expireSessions(ACCOUNT, DemoAccount.USERNAME);
        long logins = emulator.stats().requests(Endpoint.LOGIN);

        CliProcess.Result replayed = cli.run(PASSWORD, "", "api", "accountConfigReadOnly", SKILLS);

        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).isEqualTo("[]");
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(logins + 1);
        assertThat(emulator.stats().requests(Endpoint.LIST_SKILLS)).isEqualTo(2);

        emulator.inject(Fault.status(Endpoint.LIST_SKILLS, 401, 2));
        CliProcess.Result refused = cli.run(PASSWORD, "", "api", "accountConfigReadOnly", SKILLS);

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.out()).contains("injected fault");
        assertThat(refused.err().lines()).hasSize(1).first().asString()
                .contains("accountConfigReadOnly answered HTTP 401");
    }

    @Test
    void theBearerIsNeverPrintedNotEvenVerboseOrWithTheAnswersHeaders() {
        String bearer = bearer();
        emulator.expireSessions(ACCOUNT, DemoAccount.USERNAME);

        CliProcess.Result verbose = cli.run(PASSWORD, "", "--verbose", "api", "--include", "accountConfigReadOnly",
                SKILLS);
        String renewed = bearer();

        assertThat(verbose.exitCode()).as(verbose.err()).isZero();
        assertThat(renewed).isNotEqualTo(bearer);
        for (String printed : new String[] {verbose.out(), verbose.err()}) {
            assertThat(printed).doesNotContain(bearer, renewed, DemoAccount.PASSWORD, "Bearer ");
        }
    }

    @Test
    void badInputIsAUsageErrorInOneLine() {
        CliProcess.Result noColon = cli.run("api", "-H", "X-Trace", "accountConfigReadOnly", SKILLS);
        CliProcess.Result authorization = cli.run("api", "-H", "Authorization: Bearer x", "accountConfigReadOnly",
                SKILLS);
        CliProcess.Result badService = cli.run("api", "no service", SKILLS);
        CliProcess.Result missingFile = cli.run("api", "--data", "@" + dir.resolve("none.json"),
                "accountConfigReadWrite", SKILLS);

        assertThat(noColon.exitCode()).isEqualTo(2);
        assertThat(noColon.err()).contains("-H needs 'NAME: VALUE'");
        assertThat(authorization.exitCode()).isEqualTo(2);
        assertThat(authorization.err()).contains("Authorization is set by the call itself");
        assertThat(badService.exitCode()).isEqualTo(2);
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("not a readable file");
        assertThat(emulator.stats().requests(Endpoint.LIST_SKILLS) + emulator.stats().requests(Endpoint.CREATE_SKILL))
                .isZero();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
