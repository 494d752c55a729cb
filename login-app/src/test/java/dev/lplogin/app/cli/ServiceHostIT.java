package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --service-host}, {@code LP_SERVICE_HOSTS} and the {@code service-hosts} config key with the CLI as a real
 * process: the override answers without asking the Domain API (counted at the emulator), and a bad value is bad
 * input in one line.
 */
class ServiceHostIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

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
    void domain_answers_the_flags_host_without_asking_the_domain_api() {
        long lookups = emulator.stats().requests(Endpoint.CSDS);

        CliProcess.Result result = cli.run("--service-host", "accountConfigReadOnly=ac.example.net:8443",
                "--service-host", "msgHist=https://mh.example.net", "domain", "--account", ACCOUNT,
                "--service", "accountConfigReadOnly");
        CliProcess.Result other = cli.run("--service-host", "accountConfigReadOnly=ac.example.net:8443",
                "--service-host", "msgHist=https://mh.example.net", "domain", "--account", ACCOUNT,
                "--service", "msgHist");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.line()).isEqualTo("ac.example.net:8443");
        assertThat(other.line()).isEqualTo("mh.example.net");
        assertThat(emulator.stats().requests(Endpoint.CSDS)).as("Domain API requests").isEqualTo(lookups);
    }

    @Test
    void the_environment_and_the_config_file_set_them_and_the_flag_wins() throws Exception {
        Path config = dir.resolve("config/lp-login/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "service-hosts=accountConfigReadOnly=file.example.net\n");

        CliProcess.Result fromFile = cli.run("domain", "--account", ACCOUNT, "--service", "accountConfigReadOnly");
        CliProcess.Result fromEnv = cli.run(Map.of("LP_SERVICE_HOSTS", "accountConfigReadOnly=env.example.net"), "",
                "domain", "--account", ACCOUNT, "--service", "accountConfigReadOnly");
        CliProcess.Result fromFlag = cli.run(Map.of("LP_SERVICE_HOSTS", "accountConfigReadOnly=env.example.net"), "",
                "--service-host=accountConfigReadOnly=flag.example.net", "domain", "--account", ACCOUNT,
                "--service", "accountConfigReadOnly");
        CliProcess.Result notListed = cli.run(Map.of("LP_SERVICE_HOSTS", "accountConfigReadOnly=env.example.net"), "",
                "domain", "--account", ACCOUNT);

        assertThat(fromFile.line()).as(fromFile.err()).isEqualTo("file.example.net");
        assertThat(fromEnv.line()).as(fromEnv.err()).isEqualTo("env.example.net");
        assertThat(fromFlag.line()).as(fromFlag.err()).isEqualTo("flag.example.net");
        assertThat(notListed.line()).as("a service not listed still comes from the Domain API")
                .isEqualTo(emulator.authority());
    }

    @Test
    void the_login_host_can_be_overridden_and_the_login_goes_there() {
        CliProcess.Result login = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "",
                "--service-host", "agentVep=localhost:" + emulator.authority().split(":")[1],
                "login", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("at localhost:");
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(1);
    }

    @Test
    void a_bad_value_is_bad_input_in_one_line() {
        CliProcess.Result noHost = cli.run("--service-host", "accountConfigReadOnly", "domain", "--account", ACCOUNT);
        CliProcess.Result plainHttp = cli.run(Map.of("LP_SERVICE_HOSTS", "agentVep=http://127.0.0.1:9"), "",
                "domain", "--account", ACCOUNT);
        CliProcess.Result fromToken = cli.run("--service-host", "agentVep=a.example/x", "token", "--account", ACCOUNT);

        assertThat(noHost.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noHost.err()).startsWith("lp-login: service-hosts (from --service-host): 'accountConfigReadOnly'"
                + " is not SERVICE=HOST[:PORT]");
        assertThat(plainHttp.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(plainHttp.err()).contains("(from LP_SERVICE_HOSTS)").contains("reached over https only");
        assertThat(fromToken.exitCode()).as("the token fast path reads it too").isEqualTo(ExitCode.USAGE.code());
        assertThat(fromToken.err()).contains("the host of service 'agentVep' ('a.example/x')");
        for (CliProcess.Result bad : new CliProcess.Result[] {noHost, plainHttp, fromToken}) {
            assertThat(bad.err().strip().lines().count()).as(bad.err()).isLessThanOrEqualTo(2);
            assertThat(bad.out()).isEmpty();
        }
    }
}
