package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when something goes wrong, as real processes against the emulator: one cause, the right hint. */
class MessagesIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;

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
    void a_blocked_user_reads_it_once_the_error_and_its_hint() {
        CliProcess.Result login = cli.run(Map.of("LP_PASSWORD", DemoAccount.BLOCKED_PASSWORD), "", "login",
                "--account", ACCOUNT, "--user", DemoAccount.BLOCKED_USERNAME);

        assertThat(login.exitCode()).isEqualTo(4);
        assertThat(login.err().strip().lines()).as(login.err()).hasSize(2);
        assertThat(login.err()).startsWith("lp-login: login of " + ACCOUNT + "/" + DemoAccount.BLOCKED_USERNAME
                + " blocked by LivePerson (HTTP 451)").contains("contact LivePerson support");
    }

    @Test
    void a_service_name_in_the_wrong_case_is_blamed_on_the_service_not_the_account() {
        CliProcess.Result domain = cli.run("domain", "--account", ACCOUNT, "--service", "AGENTVEP");
        CliProcess.Result unknown = cli.run("domain", "--account", ACCOUNT, "--service", "noSuchService");

        assertThat(domain.exitCode()).isEqualTo(2);
        assertThat(domain.err()).contains("account " + ACCOUNT + " has no service 'AGENTVEP'")
                .contains("did you mean 'agentVep'").contains("case-sensitive").doesNotContain("account id");
        assertThat(unknown.err()).contains("has no service 'noSuchService'").contains("--all")
                .doesNotContain("did you mean").doesNotContain("account id");
    }

    @Test
    void a_refresh_the_login_host_does_not_answer_points_at_that_host_not_at_the_domain_api() {
        Map<String, String> env = Map.of("LP_PASSWORD", DemoAccount.PASSWORD);
        assertThat(cli.run(env, "", "login", "--account", ACCOUNT, "--user", DemoAccount.USERNAME).exitCode())
                .isZero();
        emulator.inject(Fault.status(Endpoint.REFRESH, 503, 10));

        CliProcess.Result refresh = cli.run("refresh", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);

        assertThat(refresh.exitCode()).as(refresh.err()).isEqualTo(6);
        assertThat(refresh.err()).contains("during refresh").contains("Login Service at the host")
                .doesNotContain("--csds").doesNotContain("LP_CSDS").doesNotContain("Domain API");
    }
}
