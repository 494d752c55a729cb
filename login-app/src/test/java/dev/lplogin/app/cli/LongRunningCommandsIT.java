package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code keepalive} and {@code emulator} run until stopped: they show what they do and exit 0 on SIGTERM/Ctrl-C. */
class LongRunningCommandsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;

    @BeforeEach
    void cli() {
        emulator = EMULATOR.emulator();
        cli = new CliProcess(dir).env("LP_CSDS", emulator.baseUrl().toString());
    }

    @Test
    void keepalive_refreshes_until_stopped_then_summarises_and_logs_out_on_request() throws Exception {
        CliProcess.Result login = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "login",
                "--account", DemoAccount.ACCOUNT_ID, "--user", DemoAccount.USERNAME);
        assertThat(login.exitCode()).as(login.err()).isZero();
        String bearer = cli.run("token", "--account", DemoAccount.ACCOUNT_ID).line();

        Process keepalive = cli.start(Map.of(), "keepalive", "--refresh-interval", "300ms", "--logout-on-exit");
        BufferedReader out = new BufferedReader(new InputStreamReader(keepalive.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        // Wait (bounded) for the start line plus two background refreshes.
        CompletableFuture<Void> refreshes = CompletableFuture.runAsync(() -> {
            try {
                int refreshed = 0;
                for (String line; refreshed < 2 && (line = out.readLine()) != null; ) {
                    lines.add(line);
                    refreshed += line.endsWith("refreshed") ? 1 : 0;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        refreshes.get(30, TimeUnit.SECONDS);

        keepalive.destroy(); // SIGTERM, handled like Ctrl-C
        assertThat(keepalive.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String rest = new String(keepalive.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(keepalive.exitValue()).isZero();
        assertThat(lines.get(0)).startsWith("keeping " + DemoAccount.ACCOUNT_ID + "/demo");
        assertThat(lines).filteredOn(l -> l.endsWith(DemoAccount.ACCOUNT_ID + "/demo  refreshed")).hasSize(2);
        assertThat(rest).contains("logged out").contains("keepalive stopped after");
        assertThat(emulator.stats().requests(Endpoint.REFRESH)).isGreaterThanOrEqualTo(3);
        assertThat(emulator.isBearerValid(bearer)).isFalse();
    }

    @Test
    void keepalive_without_sessions_or_credentials_exits_7() {
        CliProcess.Result result = cli.run("keepalive");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(7);
        assertThat(result.err()).contains("no stored sessions to keep alive");
    }

    @Test
    void emulator_prints_its_url_first_serves_the_domain_api_and_stops_with_exit_0() throws Exception {
        Process process = cli.start(Map.of(), "emulator", "--http");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String url = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);

        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newHttpClient()) {
            answer = client.send(HttpRequest.newBuilder(URI.create(url + "/api/account/" + DemoAccount.ACCOUNT_ID
                    + "/service/agentVep/baseURI.json?version=1.0")).build(), HttpResponse.BodyHandlers.ofString());
        }
        process.destroy();

        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("agentVep");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
