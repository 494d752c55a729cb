package dev.lplogin.bench;

import dev.lplogin.emulator.DemoAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's API proxy against direct calls, at {@value #CLIENTS} concurrent clients: the agent runs as a real
 * process ({@code bin/lp-login agent}) against the emulator over HTTPS, and each client thread loops on a read of
 * the emulator's skills API — through the proxy ({@code GET /v1/proxy/accountConfigReadOnly/…} with the agent key)
 * or directly (the JDK {@code HttpClient} with the agent's bearer, over HTTPS). Rounds alternate which goes first,
 * so that the shared machine's drift hits both alike; the ratio is of calls per second, summed over the rounds.
 */
final class ProxyThroughput {

    static final int CLIENTS = 16;
    private static final String SKILLS = "/api/account/" + DemoAccount.ACCOUNT_ID
            + "/configuration/le-users/skills?v=2.0";

    private ProxyThroughput() {
    }

    static void run(Bench.Mode mode, Table table) throws Exception {
        Path root = Path.of(System.getProperty("lp.root", ".")).toAbsolutePath().normalize();
        Path launcher = root.resolve("bin/lp-login");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + "; run from the repository (bin/bench)");
        }
        int rounds = switch (mode) {
            case FULL -> 6;
            case QUICK -> 2;
            case SMOKE -> 1;
        };
        Duration phase = mode == Bench.Mode.FULL ? Duration.ofSeconds(5) : Duration.ofSeconds(2);
        Path home = Files.createTempDirectory("lp-login-bench-proxy-");
        Process agent = null;
        try (Fixture fixture = Fixture.start();
                HttpClient direct = HttpClient.newBuilder().sslContext(fixture.emulator.sslContext()).build();
                HttpClient local = HttpClient.newHttpClient()) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("LP_CSDS", fixture.emulator.baseUrl().toString());
            env.put("LP_CA_CERT", fixture.certificate.toString());
            env.put("LP_STORE", "memory");
            env.put("LP_PASSWORD", DemoAccount.PASSWORD);
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());   // no personal config file
            env.put("XDG_STATE_HOME", home.resolve("state").toString());
            env.remove("LP_SERVICE_HOSTS");
            Path keyFile = home.resolve("agent.key");
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "agent", "--account",
                    DemoAccount.ACCOUNT_ID, "--user", DemoAccount.USERNAME, "--listen", "127.0.0.1:0",
                    "--key-file", keyFile.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            agent = builder.start();
            String url = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (url == null || !url.startsWith("http://")) {
                throw new IllegalStateException("bin/lp-login agent did not start (first line: " + url + ")");
            }
            String key = Files.readString(keyFile).strip();
            String bearer = local.send(HttpRequest.newBuilder(URI.create(url + "/v1/token"))
                    .header("X-LP-Login-Key", key).build(), HttpResponse.BodyHandlers.ofString()).body();
            HttpRequest viaProxy = HttpRequest.newBuilder(URI.create(url + "/v1/proxy/accountConfigReadOnly"
                    + SKILLS)).header("X-LP-Login-Key", key).build();
            HttpRequest directly = HttpRequest.newBuilder(URI.create(fixture.emulator.baseUrl() + SKILLS))
                    .header("Authorization", "Bearer " + bearer).build();

            // warm-up: both paths, JIT and connections
            calls(local, viaProxy, phase);
            calls(direct, directly, phase);
            long proxied = 0;
            long straight = 0;
            long proxiedNanos = 0;
            long straightNanos = 0;
            for (int round = 0; round < rounds; round++) {
                for (boolean proxyFirst : new boolean[] {round % 2 == 0, round % 2 != 0}) {
                    long start = System.nanoTime();
                    long done = proxyFirst ? calls(local, viaProxy, phase) : calls(direct, directly, phase);
                    long took = System.nanoTime() - start;
                    if (proxyFirst) {
                        proxied += done;
                        proxiedNanos += took;
                    } else {
                        straight += done;
                        straightNanos += took;
                    }
                }
            }
            double proxyRate = proxied / (proxiedNanos / 1e9);
            double directRate = straight / (straightNanos / 1e9);
            String how = rounds + " rounds of " + phase.toSeconds() + " s each, alternating";
            table.add("calls", "direct calls, " + CLIENTS + " clients (JDK HttpClient, fixed bearer)", directRate,
                    "calls/s", how);
            table.add("calls", "through the agent proxy, " + CLIENTS + " clients", proxyRate, "calls/s",
                    "bin/lp-login agent as a process, GET /v1/proxy/accountConfigReadOnly/…");
            table.add("calls", "agent proxy / direct throughput", proxyRate / directRate, "ratio", "goal ≥ 0.5");
        } finally {
            if (agent != null) {
                agent.toHandle().destroy();
                agent.waitFor(10, TimeUnit.SECONDS);
                agent.destroyForcibly();
            }
            CliStartup.deleteTree(home);
        }
    }

    /** How many calls {@value #CLIENTS} threads complete with 2xx answers in {@code phase}; a failure fails the run. */
    private static long calls(HttpClient client, HttpRequest request, Duration phase) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(CLIENTS)) {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(CompletableFuture.runAsync(() -> {
                    while (!stop.get()) {
                        HttpResponse<byte[]> answer;
                        try {
                            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        } catch (IOException e) {
                            throw new IllegalStateException("a benchmark call failed: " + e, e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (answer.statusCode() / 100 != 2) {
                            throw new IllegalStateException("a benchmark call was answered " + answer.statusCode()
                                    + ": " + new String(answer.body(), StandardCharsets.UTF_8));
                        }
                        done.incrementAndGet();
                    }
                }, threads));
            }
            Thread.sleep(phase);
            stop.set(true);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        return done.get();
    }
}
