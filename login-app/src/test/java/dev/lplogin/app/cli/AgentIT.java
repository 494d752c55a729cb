package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lp-login agent} as a real process against the emulator: the sink file, the key-protected listener, one
 * re-login for many reports of the same refused bearer, and a clean stop on SIGTERM.
 */
class AgentIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    private static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    private static final String USER = DemoAccount.USERNAME;

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private CliProcess cli;
    private Process agent;
    private HttpClient http;

    @BeforeEach
    void cli() {
        emulator = EMULATOR.emulator();
        cli = CliProcess.against(emulator, dir);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.destroyForcibly();
        }
        http.close();
    }

    @Test
    void publishes_the_bearer_in_a_0600_sink_serves_it_only_with_the_key_and_removes_it_on_sigterm()
            throws Exception {
        Path sink = dir.resolve("run/bearer");
        Path keyFile = dir.resolve("run/agent.key");
        Path jsonSink = dir.resolve("run/session.json");
        URI url = startAgent("--sink", sink.toString(), "--json-sink", jsonSink.toString(),
                "--key-file", keyFile.toString());

        String bearer = Files.readString(sink);
        assertThat(bearer).endsWith("\n").hasLineCount(1);
        assertThat(emulator.isBearerValid(bearer.strip())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sink))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile).strip();

        HttpResponse<String> noKey = get(url.resolve("/v1/token"), null);
        HttpResponse<String> wrongKey = get(url.resolve("/v1/token"), key.substring(1) + "x");
        HttpResponse<String> token = get(url.resolve("/v1/token?account=" + ACCOUNT + "&user=" + USER), key);
        HttpResponse<String> status = get(url.resolve("/v1/status"), key);
        HttpResponse<String> health = get(url.resolve("/healthz"), key);
        HttpResponse<String> healthNoKey = get(url.resolve("/healthz"), null);

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).isEmpty();
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(wrongKey.body()).isEmpty();
        assertThat(healthNoKey.statusCode()).isEqualTo(401);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/plain"));
        assertThat(token.body()).isEqualTo(bearer.strip());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"account\":\"" + ACCOUNT + "\"").contains("\"state\":\"fresh\"")
                .contains("\"sink\":\"" + sink + "\"").doesNotContain(bearer.strip());
        assertThat(health.statusCode()).isEqualTo(200);

        // SIGTERM, handled like Ctrl-C. Through the handle: Process.destroy() would also close our end of stdout.
        agent.toHandle().destroy();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isZero();
        assertThat(sink).doesNotExist();
        assertThat(jsonSink).doesNotExist();
        assertThat(keyFile).doesNotExist();
        String err = new String(agent.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains(ACCOUNT + "/" + USER + "  logged in").contains("agent stopped")
                .doesNotContain(bearer.strip()).doesNotContain(key).doesNotContain(DemoAccount.PASSWORD);
        assertThat(emulator.isBearerValid(bearer.strip())).as("no --logout-on-exit: the session lives on").isTrue();
    }

    @Test
    void after_the_service_kills_the_session_many_reports_of_the_refused_bearer_cause_one_relogin() throws Exception {
        Path sink = dir.resolve("run/bearer");
        Path keyFile = dir.resolve("run/agent.key");
        URI url = startAgent("--sink", sink.toString(), "--key-file", keyFile.toString());
        String key = Files.readString(keyFile).strip();
        String old = Files.readString(sink).strip();
        long loginsBefore = emulator.stats().requests(Endpoint.LOGIN);

        assertThat(emulator.expireSessions(ACCOUNT, USER)).isEqualTo(1);
        List<CompletableFuture<HttpResponse<String>>> reports = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reports.add(http.sendAsync(invalidation(url.resolve("/v1/invalidate?account=" + ACCOUNT + "&user="
                    + USER), key, old), HttpResponse.BodyHandlers.ofString()));
        }
        int renewals = 0;
        for (CompletableFuture<HttpResponse<String>> report : reports) {
            HttpResponse<String> answer = report.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain(old);
            renewals += answer.body().contains("\"renewed\":true") ? 1 : 0;
        }
        assertThat(renewals).as("reports that found the session renewed from the refused bearer").isPositive();

        awaitTrue(() -> !read(sink).strip().equals(old) && !read(sink).isBlank(), "the sink holds a new bearer");
        String renewed = read(sink).strip();
        assertThat(emulator.isBearerValid(renewed)).isTrue();
        assertThat(emulator.stats().requests(Endpoint.LOGIN) - loginsBefore).as("one re-login for 8 reports")
                .isEqualTo(1);
        assertThat(get(url.resolve("/v1/token"), key).body()).isEqualTo(renewed);
        // a late report of the old bearer changes nothing
        HttpResponse<String> late = http.send(invalidation(url.resolve("/v1/invalidate"), key, old),
                HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).as("nothing changed").contains("\"renewed\":false");
        assertThat(emulator.stats().requests(Endpoint.LOGIN) - loginsBefore).isEqualTo(1);
        assertThat(read(sink).strip()).isEqualTo(renewed);

        HttpResponse<String> metrics = get(url.resolve("/metrics"), key);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = prometheus(metrics.body());
        assertThat(sum(samples, "lplogin_logins_sent_total")).as("the agent's login counter")
                .isEqualTo((double) emulator.stats().requests(Endpoint.LOGIN));
        assertThat(sum(samples, "lplogin_relogins_total")).isEqualTo(1.0);
        assertThat(samples).containsKey("lplogin_sessions{state=\"fresh\"}");
        assertThat(metrics.body()).doesNotContain(renewed).doesNotContain(old);
    }

    /**
     * Parses the Prometheus text format strictly: every line is a comment ({@code # HELP}, {@code # TYPE}) or a
     * sample {@code name{labels} value}; anything else fails the test. Returns the samples by name and labels.
     */
    private static Map<String, Double> prometheus(String text) {
        java.util.regex.Pattern sample = java.util.regex.Pattern.compile(
                "([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})?) "
                        + "([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))");
        Map<String, Double> samples = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            java.util.regex.Matcher m = sample.matcher(line);
            assertThat(m.matches()).as("a Prometheus sample line: " + line).isTrue();
            samples.put(m.group(1), m.group(2).endsWith("Inf") ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(m.group(2)));
        }
        assertThat(samples).isNotEmpty();
        return samples;
    }

    private static double sum(Map<String, Double> samples, String name) {
        return samples.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void a_config_file_keeps_several_sessions_with_a_sink_each_and_exec_hands_out_the_running_sink()
            throws Exception {
        Path run = dir.resolve("run");
        Path demoSink = run.resolve("demo.token");
        Path botSink = run.resolve("bot.token");
        Path botJson = run.resolve("bot.json");
        Path config = Files.createDirectories(dir.resolve("etc")).resolve("agent.properties");
        Files.writeString(config, String.join("\n",
                "listen=127.0.0.1:0",
                "key-file=" + run.resolve("agent.key"),
                "session.demo.account=" + ACCOUNT,
                "session.demo.user=" + USER,
                "session.demo.sink=" + demoSink,
                "session.bot.account=" + ACCOUNT,
                "session.bot.user=" + DemoAccount.BOT_USERNAME,
                "session.bot.sink=" + botSink,
                "session.bot.json-sink=" + botJson,
                "session.bot.credentials-prefix=BOT_", ""));
        URI url = start(Map.of("LP_PASSWORD", DemoAccount.PASSWORD, "BOT_LP_CLIENT_ID", DemoAccount.CLIENT_ID,
                "BOT_LP_CLIENT_SECRET", DemoAccount.CLIENT_SECRET), "agent", "--config", config.toString());
        String key = Files.readString(run.resolve("agent.key")).strip();

        String demo = Files.readString(demoSink).strip();
        String bot = Files.readString(botSink).strip();
        String json = Files.readString(botJson);
        assertThat(emulator.isBearerValid(demo)).isTrue();
        assertThat(emulator.isBearerValid(bot)).isTrue();
        assertThat(bot).isNotEqualTo(demo);
        assertThat(json).startsWith("{\"bearer\":\"" + bot + "\",\"account\":\"" + ACCOUNT + "\",\"user\":\""
                + DemoAccount.BOT_USERNAME + "\",\"userId\":").contains("\"state\":\"fresh\"").hasLineCount(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(botJson))).isEqualTo("rw-------");
        assertThat(get(url.resolve("/v1/token"), key).statusCode()).as("which session?").isEqualTo(400);
        assertThat(get(url.resolve("/v1/token?user=" + DemoAccount.BOT_USERNAME), key).body()).isEqualTo(bot);
        assertThat(get(url.resolve("/v1/token?account=" + ACCOUNT + "&user=nobody"), key).statusCode())
                .isEqualTo(404);

        CliProcess.Result exec = cli.run("exec", "--account", ACCOUNT, "--user", USER, "--",
                "sh", "-c", "printf '%s|%s' \"$LP_BEARER\" \"$(cat \"$LP_BEARER_FILE\")\"");
        assertThat(exec.exitCode()).as(exec.err()).isZero();
        assertThat(exec.out()).isEqualTo(demo + "|" + demo);
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("exec reused the agent's session").isEqualTo(2);
    }

    @Test
    void refuses_a_non_loopback_listener_and_a_sink_in_a_directory_others_may_write() throws Exception {
        CliProcess.Result open = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "agent",
                "--account", ACCOUNT, "--user", USER, "--listen", "0.0.0.0:0");
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliProcess.Result unsafe = cli.run(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), "", "agent",
                "--account", ACCOUNT, "--user", USER, "--sink", shared.resolve("bearer").toString());

        assertThat(open.exitCode()).as(open.err()).isEqualTo(2);
        assertThat(open.err()).contains("not a loopback address").doesNotContain("Exception");
        assertThat(unsafe.exitCode()).as(unsafe.err()).isEqualTo(2);
        assertThat(unsafe.err()).contains("may be written by others");
        assertThat(shared.resolve("bearer")).doesNotExist();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("refused before any login").isZero();
    }

    @Test
    void half_sent_and_unkeyed_requests_are_cut_off_while_a_keyed_client_is_served() throws Exception {
        Path keyFile = dir.resolve("run/agent.key");
        URI url = startAgent("--key-file", keyFile.toString());
        String key = Files.readString(keyFile).strip();
        List<Socket> halfSent = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) { // slowloris: the headers never end
                halfSent.add(send(url, "GET /v1/token HTTP/1.1\r\nHost: agent\r\nX-Slow: "));
            }
            HttpResponse<String> keyed = get(url.resolve("/v1/token"), key);
            assertThat(keyed.statusCode()).as("a keyed client amid 300 half-sent requests").isEqualTo(200);
            assertThat(emulator.isBearerValid(keyed.body())).isTrue();

            try (Socket unkeyed = send(url, "GET /v1/token HTTP/1.1\r\nHost: agent\r\n\r\n")) {
                String answer = readToEnd(unkeyed, Duration.ofSeconds(4));
                assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
            }
            for (Socket socket : halfSent) {
                assertThat(readToEnd(socket, Duration.ofSeconds(15))).as("cut off by the server").isEmpty();
            }
        } finally {
            for (Socket socket : halfSent) {
                socket.close();
            }
        }
    }

    @Test
    void connections_beyond_the_cap_are_refused_and_a_keyed_client_gets_through_once_the_flood_times_out()
            throws Exception {
        Path keyFile = dir.resolve("run/agent.key");
        URI url = startAgent("--key-file", keyFile.toString());
        String key = Files.readString(keyFile).strip();
        List<Socket> flood = new ArrayList<>();
        try {
            Instant start = Instant.now();
            for (int i = 0; i < ListenerLimits.MAX_CONNECTIONS + 100; i++) { // connect, send nothing, hold on
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
                flood.add(socket);
            }
            Instant flooded = Instant.now(); // connecting takes seconds on a busy machine
            Thread.sleep(500);
            long refusedAtOnce = flood.stream().filter(AgentIT::closedByServer).count();
            assertThat(refusedAtOnce).as("connections over the cap, closed as soon as accepted").isGreaterThan(50);

            HttpResponse<String> keyed = null;
            while (keyed == null && Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(20)) < 0) {
                try {
                    keyed = get(url.resolve("/v1/token"), key);
                } catch (IOException refused) {
                    Thread.sleep(200); // the cap is full: the server closed our connection at once; try again
                }
            }
            assertThat(keyed).as("a keyed client answered within 20 s of the flood").isNotNull();
            assertThat(keyed.statusCode()).isEqualTo(200);
            // the flood's connections are cut off after the request deadline (checked every second)
            Instant deadline = flooded.plus(ListenerLimits.MAX_REQUEST_TIME).plusSeconds(5);
            for (Socket socket : flood) {
                Duration left = Duration.between(Instant.now(), deadline);
                assertThat(readToEnd(socket, left.isNegative() ? Duration.ofMillis(1) : left.plusMillis(1)))
                        .isEmpty();
            }
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    /** Whether the server has closed {@code socket} (a read says so at once). */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void a_second_agent_neither_deletes_nor_overwrites_the_files_of_a_running_one() throws Exception {
        Path sink = dir.resolve("run/bearer");
        Path keyFile = dir.resolve("run/agent.key");
        URI url = startAgent("--sink", sink.toString(), "--key-file", keyFile.toString());
        String bearer = Files.readString(sink);
        String key = Files.readString(keyFile);
        Path pointers = dir.resolve("state/lp-login/agent/sinks");
        List<Path> pointerFiles;
        try (var listing = Files.list(pointers)) {
            pointerFiles = listing.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
        assertThat(pointerFiles).hasSize(1);
        String pointer = Files.readString(pointerFiles.get(0));
        long logins = emulator.stats().requests(Endpoint.LOGIN);
        Map<String, String> env = Map.of("LP_PASSWORD", DemoAccount.PASSWORD);
        String samePort = url.getHost() + ":" + url.getPort();

        CliProcess.Result sameFiles = cli.run(env, "", "agent", "--account", ACCOUNT, "--user", USER,
                "--sink", sink.toString(), "--key-file", keyFile.toString(), "--listen", "127.0.0.1:0");
        CliProcess.Result sameKeyFile = cli.run(env, "", "agent", "--account", ACCOUNT, "--user", USER,
                "--key-file", keyFile.toString(), "--listen", "127.0.0.1:0");
        CliProcess.Result samePortOnly = cli.run(env, "", "agent", "--account", ACCOUNT, "--user",
                DemoAccount.BOT_USERNAME, "--sink", dir.resolve("other/bearer").toString(),
                "--key-file", dir.resolve("other/agent.key").toString(), "--listen", samePort);

        assertThat(sameFiles.exitCode()).as(sameFiles.err()).isEqualTo(1);
        assertThat(sameFiles.err()).contains("another agent").contains(sink.toString());
        assertThat(sameKeyFile.exitCode()).as(sameKeyFile.err()).isEqualTo(1);
        assertThat(sameKeyFile.err()).contains("another agent").contains(keyFile.toString());
        assertThat(samePortOnly.exitCode()).as(samePortOnly.err()).isEqualTo(1);
        assertThat(samePortOnly.err()).contains("cannot listen");
        assertThat(dir.resolve("other/bearer")).as("bound before writing anything").doesNotExist();
        assertThat(dir.resolve("other/agent.key")).doesNotExist();
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).as("no login by the refused agents").isEqualTo(logins);
        assertThat(Files.readString(sink)).isEqualTo(bearer);
        assertThat(Files.readString(keyFile)).isEqualTo(key);
        assertThat(Files.readString(pointerFiles.get(0))).isEqualTo(pointer);
        assertThat(get(url.resolve("/v1/token"), key.strip()).body()).isEqualTo(bearer.strip());
    }

    @Test
    void the_next_agent_cleans_up_what_a_crashed_one_left_behind() throws Exception {
        Path oldSink = dir.resolve("run/old.bearer");
        Path oldJson = dir.resolve("run/old.json");
        startAgent("--sink", oldSink.toString(), "--json-sink", oldJson.toString());
        agent.destroyForcibly(); // SIGKILL: no clean-up
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(oldSink).exists();

        Path newSink = dir.resolve("run/new.bearer");
        startAgent("--sink", newSink.toString());

        assertThat(oldSink).as("the crashed agent's sink").doesNotExist();
        assertThat(oldJson).as("the crashed agent's JSON sink").doesNotExist();
        CliProcess.Result exec = cli.run("exec", "--account", ACCOUNT, "--user", USER, "--",
                "sh", "-c", "printf %s \"$LP_BEARER_FILE\"");
        assertThat(exec.out()).isEqualTo(newSink.toString());
    }

    @Test
    void a_sink_deleted_from_outside_is_written_again_within_seconds() throws Exception {
        Path sink = dir.resolve("run/bearer");
        Path jsonSink = dir.resolve("run/session.json");
        startAgent("--sink", sink.toString(), "--json-sink", jsonSink.toString());
        String bearer = Files.readString(sink);

        Files.delete(sink);
        Files.delete(jsonSink);

        awaitTrue(() -> read(sink).equals(bearer), "the sink is back");
        awaitTrue(() -> read(jsonSink).contains(bearer.strip()), "the JSON sink is back");
    }

    @Test
    void ten_reports_of_a_bearer_the_service_still_accepts_cause_no_login_and_renew_nothing() throws Exception {
        Path sink = dir.resolve("run/bearer");
        Path keyFile = dir.resolve("run/agent.key");
        URI url = startAgent("--sink", sink.toString(), "--key-file", keyFile.toString());
        String key = Files.readString(keyFile).strip();
        String current = Files.readString(sink).strip();
        long logins = emulator.stats().requests(Endpoint.LOGIN);
        long refreshes = emulator.stats().requests(Endpoint.REFRESH);

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = http.send(invalidation(url.resolve("/v1/invalidate"), key, current),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"renewed\":false");
        }

        assertThat(emulator.stats().requests(Endpoint.LOGIN) - logins).as("logins for 10 reports").isLessThanOrEqualTo(1);
        assertThat(emulator.stats().requests(Endpoint.REFRESH) - refreshes).as("one check, then the minimum interval")
                .isLessThanOrEqualTo(1);
        assertThat(emulator.isBearerValid(current)).isTrue();
        assertThat(read(sink).strip()).isEqualTo(current);
    }

    @Test
    void the_python_example_of_the_docs_works_where_xdg_runtime_dir_is_unset() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "python3 is installed");
        String docs = Files.readString(Path.of("..", "docs", "agent.md"));
        int start = docs.indexOf("```python\n", docs.indexOf("## Using it from Python")) + "```python\n".length();
        String example = docs.substring(start, docs.indexOf("```", start));
        // where the docs put the sink without $XDG_RUNTIME_DIR, and the default key file (XDG_STATE_HOME is set)
        Path sink = dir.resolve("home/.local/state/lp-login/bearer");
        URI url = startAgent("--sink", sink.toString());
        Path script = dir.resolve("example.py");
        Files.writeString(script, example.replace("http://127.0.0.1:40123", url.toString())
                + "\nprint(bearer())\nprint(agent(\"/v1/token\").decode())\n");

        ProcessBuilder run = new ProcessBuilder(python.toString(), script.toString()).redirectErrorStream(true);
        run.environment().clear();
        run.environment().putAll(Map.of("HOME", dir.resolve("home").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "PATH", "/usr/bin:/bin"));
        Process process = run.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        String bearer = Files.readString(sink).strip();
        assertThat(out.lines()).containsExactly(bearer, bearer);
    }

    /** Starts the agent for the demo user on a free loopback port and returns the URL it prints first. */
    private URI startAgent(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("agent", "--account", ACCOUNT, "--user", USER,
                "--listen", "127.0.0.1:0"));
        args.addAll(List.of(extra));
        return start(Map.of("LP_PASSWORD", DemoAccount.PASSWORD), args.toArray(String[]::new));
    }

    /** Starts {@code lp-login args} and returns the URL it prints first. */
    private URI start(Map<String, String> env, String... args) throws Exception {
        agent = cli.start(env, args);
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        String first = CliProcess.async(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(first).as("the first stdout line").isNotNull().matches("http://127\\.0\\.0\\.1:\\d+");
        return URI.create(first);
    }

    /** {@code POST /v1/invalidate} at {@code uri} reporting {@code refused}. */
    private static HttpRequest invalidation(URI uri, String key, String refused) {
        return HttpRequest.newBuilder(uri).header(AgentKey.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(refused)).build();
    }

    /** A raw connection to the agent that has sent {@code text}. */
    private static Socket send(URI url, String text) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * What the server sends on {@code socket} until it closes it (a reset counts as closed); fails if it is still
     * open after {@code patience}.
     */
    private static String readToEnd(Socket socket, Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(received);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the connection is still open after " + patience + "; received: " + received);
        } catch (java.net.SocketException reset) {
            // closed by the server with our bytes unread: a reset
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    private HttpResponse<String> get(URI uri, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (key != null) {
            request.header(AgentKey.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} every 50 ms for at most 10 s. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
