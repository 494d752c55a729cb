package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.GeneratedAccount;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
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
    private Process running;

    @BeforeEach
    void cli() {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir);
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.destroyForcibly();
        }
    }

    @Test
    void keepalive_refreshes_until_stopped_then_summarises_and_logs_out_on_request() throws Exception {
        CliProcess.Result login = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "login",
                "--account", DemoAccount.ACCOUNT_ID, "--user", DemoAccount.USERNAME);
        assertThat(login.exitCode()).as(login.err()).isZero();
        String bearer = cli.run("token", "--account", DemoAccount.ACCOUNT_ID).line();

        running = cli.start(Map.of(), "keepalive", "--refresh-interval", "500ms", "--logout-on-exit");
        BufferedReader out = reader(running);
        // the confirming refresh at start, then at least one from the background timer
        List<String> lines = readUntil(out, new Predicate<>() {
            private int refreshed;

            @Override
            public boolean test(String line) {
                return line.endsWith("  refreshed") && ++refreshed == 2;
            }
        });

        // SIGTERM, handled like Ctrl-C. Through the handle: Process.destroy() would also close our end of stdout.
        running.toHandle().destroy();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String rest = String.join("\n", out.lines().toList());

        assertThat(running.exitValue()).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("keeping " + DemoAccount.ACCOUNT_ID + "/demo"));
        assertThat(rest).contains(DemoAccount.ACCOUNT_ID + "/demo  logged out").contains("keepalive stopped after");
        assertThat(emulator.stats().requests(Endpoint.REFRESH)).isGreaterThanOrEqualTo(2);
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
        running = cli.start(Map.of(), "emulator", "--http");
        String url = readUntil(reader(running), line -> true).get(0);

        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newHttpClient()) {
            answer = client.send(HttpRequest.newBuilder(URI.create(url + "/api/account/" + DemoAccount.ACCOUNT_ID
                    + "/service/agentVep/baseURI.json?version=1.0")).build(), HttpResponse.BodyHandlers.ofString());
        }
        running.toHandle().destroy();

        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("agentVep");
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).isZero();
    }

    @Test
    void emulator_with_generated_users_serves_them_beside_the_demo_account() throws Exception {
        running = cli.start(Map.of(), "emulator", "--http", "--generated-users", "3");
        String url = readUntil(reader(running), line -> true).get(0);

        HttpResponse<String> third;
        HttpResponse<String> fourth;
        try (HttpClient client = HttpClient.newHttpClient()) {
            third = client.send(login(url, GeneratedAccount.username(3), GeneratedAccount.password(3)),
                    HttpResponse.BodyHandlers.ofString());
            fourth = client.send(login(url, GeneratedAccount.username(4), GeneratedAccount.password(4)),
                    HttpResponse.BodyHandlers.ofString());
        }
        running.toHandle().destroy();

        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).contains("\"bearer\"");
        assertThat(fourth.statusCode()).as("only 3 were generated").isEqualTo(401);
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void emulator_refuses_a_generated_user_count_of_zero_with_a_usage_error() {
        CliProcess.Result result = cli.run("emulator", "--http", "--generated-users", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--generated-users must be 1-");
    }

    private static HttpRequest login(String url, String username, String password) {
        return HttpRequest.newBuilder(URI.create(url + "/api/account/" + GeneratedAccount.ACCOUNT_ID
                        + "/login?v=1.3"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}"))
                .build();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Lines up to and including the first that {@code last} accepts; fails after 60 s or at end of output. */
    private static List<String> readUntil(BufferedReader out, Predicate<String> last) throws Exception {
        return CliProcess.async(() -> {
            List<String> lines = new ArrayList<>();
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (last.test(line)) {
                        return lines;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("output ended before the expected line; got " + lines);
        }).get(60, TimeUnit.SECONDS);
    }
}
