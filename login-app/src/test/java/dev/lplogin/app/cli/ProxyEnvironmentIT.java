package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.TunnelProxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HTTPS_PROXY} / {@code NO_PROXY} as a user sets them, with the CLI as a real process against the emulator
 * over HTTPS and a real CONNECT proxy on loopback that counts its tunnels (loopback is proxied unless
 * {@code NO_PROXY} names it, as with curl; that is what lets the emulator stand in for LivePerson here).
 */
class ProxyEnvironmentIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final Map<String, String> PASSWORD = Map.of("LP_PASSWORD", DemoAccount.PASSWORD);

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void cli() {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir);
    }

    private CliProcess.Result login() {
        return cli.run(PASSWORD, "", "login", "--account", ACCOUNT, "--user", DemoAccount.USERNAME);
    }

    @Test
    void login_goes_through_the_proxy_of_https_proxy() throws Exception {
        try (TunnelProxy proxy = TunnelProxy.open()) {
            cli.env("HTTPS_PROXY", proxy.url());

            CliProcess.Result login = login();

            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(proxy.targets()).as("tunnels, by target").isNotEmpty().allMatch(emulator.authority()::equals);
            assertThat(emulator.stats().connections()).as("every connection the emulator saw was a tunnel")
                    .isEqualTo(proxy.tunnels());
            assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(1);
        }
    }

    @Test
    void no_proxy_sends_the_named_hosts_direct() throws Exception {
        try (TunnelProxy proxy = TunnelProxy.open()) {
            cli.env("https_proxy", proxy.url()).env("no_proxy", "localhost,127.0.0.1");

            CliProcess.Result login = login();

            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(proxy.connects()).as("CONNECT requests at the proxy").isZero();
            assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(1);
        }
    }

    @Test
    void credentials_in_the_proxy_url_work_and_are_never_shown() throws Exception {
        try (TunnelProxy proxy = TunnelProxy.requiring("corp-user", "s3cr3t:proxy")) {
            cli.env("HTTPS_PROXY", "http://corp-user:s3cr3t%3Aproxy@127.0.0.1:" + proxy.port());

            CliProcess.Result login = cli.run(PASSWORD, "", "--verbose", "login", "--account", ACCOUNT,
                    "--user", DemoAccount.USERNAME);

            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(proxy.tunnels()).isPositive();
            assertThat(login.out() + login.err()).as("with --verbose").doesNotContain("s3cr3t")
                    .doesNotContain("corp-user");
        }
    }

    @Test
    void an_unusable_https_proxy_is_a_one_line_usage_error_without_its_credentials() {
        cli.env("HTTPS_PROXY", "socks5://corp-user:s3cr3t@127.0.0.1:1080");

        CliProcess.Result login = login();

        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.err()).contains("HTTPS_PROXY is not a usable proxy").doesNotContain("s3cr3t")
                .doesNotContain("corp-user").doesNotContain("Exception");
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isZero();
    }
}
