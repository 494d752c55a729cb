package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.emulator.RecordedApiRequest;
import dev.lplogin.testkit.ConcurrentCallsScenario;
import dev.lplogin.testkit.EmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's API proxy ({@code /v1/proxy/SERVICE/PATH}) with the agent as a real process and the emulator's
 * protected Account Configuration API behind it: what reaches the service is read back from the emulator's request log
 * (header names only) and its counts, never from the proxy's own word.
 */
class AgentProxyIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.http();

    static final String ACCOUNT = DemoAccount.ACCOUNT_ID;
    static final String USER = DemoAccount.USERNAME;
    static final String SKILLS = "/api/account/" + ACCOUNT + "/configuration/le-users/skills";

    @TempDir
    Path dir;

    private LoginEmulator emulator;
    private Process agent;
    private java.util.concurrent.CompletableFuture<String> log;
    private HttpClient http;
    private URI url;
    private String key;

    @BeforeEach
    void startAgent() throws Exception {
        emulator = EMULATOR.emulator();
        http = HttpClient.newHttpClient();
        startAgent(List.of());
    }

    /** Starts the agent for the demo user with these global options. */
    private void startAgent(List<String> globalOptions) throws Exception {
        Path keyFile = dir.resolve("run/agent.key");
        List<String> args = new ArrayList<>(globalOptions);
        // --verbose: the debug log of every test here must hold no secret either (see the killed-session test)
        args.addAll(List.of("--verbose", "agent", "--account", ACCOUNT, "--user", USER, "--listen", "127.0.0.1:0",
                "--key-file", keyFile.toString()));
        agent = CliProcess.against(emulator, dir).start(Map.of("LP_PASSWORD", DemoAccount.PASSWORD),
                args.toArray(String[]::new));
        // read on all the time: a --verbose agent fills a pipe no one reads, and then blocks
        log = CliProcess.async(() -> {
            try {
                return new String(agent.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        url = firstLine(agent);
        key = Files.readString(keyFile).strip();
    }

    @AfterEach
    void stopAgent() {
        agent.destroyForcibly();
        http.close();
    }

    @Test
    void a_read_and_a_write_reach_the_service_with_the_agents_bearer_and_the_answer_comes_back_whole()
            throws Exception {
        HttpResponse<String> read = send(proxied("accountConfigReadOnly", SKILLS + "?v=2.0").GET());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> write = send(proxied("accountConfigReadWrite", SKILLS + "?v=2.0")
                .header("If-Match", etag).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"through-the-agent\"}")));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).startsWith("[");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
        assertThat(write.body()).contains("\"name\":\"through-the-agent\"");
        assertThat(write.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
        assertThat(emulator.skillNames(ACCOUNT)).containsExactly("through-the-agent");
        assertThat(emulator.apiRequests()).extracting(RecordedApiRequest::method, RecordedApiRequest::path,
                RecordedApiRequest::query, RecordedApiRequest::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", SKILLS, java.util.Optional.of("v=2.0"), 200),
                        org.assertj.core.groups.Tuple.tuple("POST", SKILLS, java.util.Optional.of("v=2.0"), 201));
    }

    @Test
    void the_agent_key_the_callers_authorization_the_selectors_and_hop_by_hop_headers_stay_behind() throws Exception {
        HttpResponse<String> answer = send(proxied("accountConfigReadOnly", SKILLS)
                .header("Authorization", "Bearer not-the-agents")
                .header(ProxyHeaders.ACCOUNT, ACCOUNT).header(ProxyHeaders.USER, USER)
                .header("X-Trace-Id", "t-1").header("Accept", "application/json")
                .header("Proxy-Authorization", "Basic c2VjcmV0").header("Trailer", "X-Checksum")
                .header("Via", "1.1 caller").GET());

        assertThat(answer.statusCode()).as("the caller's Authorization was replaced by the agent's bearer")
                .isEqualTo(200);
        List<String> names = emulator.apiRequests().getLast().headerNames();
        assertThat(names).contains("authorization", "x-trace-id", "accept", "user-agent", "via")
                .doesNotContain("x-lp-login-key", "x-lp-account", "x-lp-user", "proxy-authorization", "trailer",
                        "upgrade", "http2-settings");
        String bearer = token();
        answer.headers().map().forEach((name, values) -> assertThat(values).as(name)
                .noneMatch(v -> v.contains(bearer) || v.contains(key)));
    }

    @Test
    void a_killed_session_is_logged_in_again_once_and_the_call_replayed_once_with_no_secret_in_the_log()
            throws Exception {
        long logins = emulator.stats().requests(Endpoint.LOGIN);
        String killed = token();
        emulator.expireSessions(ACCOUNT, USER);

        HttpResponse<String> answer = send(proxied("accountConfigReadOnly", SKILLS + "?call=1").GET());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(emulator.stats().requests(Endpoint.LOGIN) - logins).as("re-logins").isEqualTo(1);
        assertThat(emulator.apiRequests()).extracting(RecordedApiRequest::status).containsExactly(401, 200);
        String renewed = token();
        agent.toHandle().destroy();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(log.get(30, TimeUnit.SECONDS)).as("the agent's --verbose log").contains("logged in again")
                .doesNotContain(killed).doesNotContain(renewed).doesNotContain(key)
                .doesNotContain(DemoAccount.PASSWORD);
    }

    @Test
    void a_second_401_is_answered_as_it_is_after_one_replay() throws Exception {
        emulator.inject(Fault.status(Endpoint.LIST_SKILLS, 401, 5));

        HttpResponse<String> answer = send(proxied("accountConfigReadOnly", SKILLS).GET());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue(AgentProxy.AGENT_ERROR)).as("the service's answer").isEmpty();
        assertThat(emulator.apiRequests()).as("one send, one replay").hasSize(2);
    }

    @Test
    void a_403_is_not_replayed_and_causes_no_login() throws Exception {
        long logins = emulator.stats().requests(Endpoint.LOGIN);
        String otherAccount = "/api/account/" + "87654321" + "/configuration/le-users/skills";

        HttpResponse<String> answer = send(proxied("accountConfigReadOnly", otherAccount).GET());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(emulator.apiRequests()).hasSize(1);
        assertThat(emulator.stats().requests(Endpoint.LOGIN)).isEqualTo(logins);
        assertThat(emulator.isBearerValid(token())).isTrue();
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_nothing_is_sent() throws Exception {
        byte[] large = new byte[AgentProxy.MAX_BODY_BYTES + 1];

        HttpResponse<String> declared = send(proxied("accountConfigReadWrite", SKILLS).header("If-Match", "*")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)));
        HttpResponse<String> streamed = send(proxied("accountConfigReadWrite", SKILLS).header("If-Match", "*")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))));

        for (HttpResponse<String> answer : List.of(declared, streamed)) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue(AgentProxy.AGENT_ERROR)).contains("body-too-large");
            assertThat(answer.body()).contains("larger than the proxy forwards (1024 KiB)");
        }
        assertThat(emulator.apiRequests()).isEmpty();
    }

    @Test
    void only_services_the_domain_api_names_are_reached_and_nothing_without_the_key() throws Exception {
        HttpResponse<String> unknown = send(proxied("evil.example.com", "/steal").GET());
        HttpResponse<String> badName = send(proxied("a%20b", "/x").GET());
        HttpResponse<String> dots = send(proxied("accountConfigReadOnly", "/api/%2e%2e/x").GET());
        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(url.resolve("/v1/proxy/accountConfigReadOnly"
                + SKILLS)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(url.resolve("/v1/proxy/accountConfigReadOnly"
                + SKILLS)).header(AgentKey.HEADER, (key.startsWith("x") ? "y" : "x") + key.substring(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherSession = send(proxied("accountConfigReadOnly", SKILLS)
                .header(ProxyHeaders.USER, "nobody").GET());

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("evil.example.com");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(dots.statusCode()).isEqualTo(400);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(otherSession.statusCode()).isEqualTo(404);
        assertThat(otherSession.headers().firstValue(AgentProxy.AGENT_ERROR)).contains("no-session");
        assertThat(emulator.apiRequests()).as("nothing reached a protected API").isEmpty();
    }

    @Test
    void a_service_host_override_is_the_host_the_proxy_calls() throws Exception {
        agent.destroy();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // nothing listens on port 1: the Domain API names the emulator, the override wins, and the call fails there
        startAgent(List.of("--service-host", "accountConfigReadOnly=127.0.0.1:1"));

        HttpResponse<String> overridden = send(proxied("accountConfigReadOnly", SKILLS).GET());
        HttpResponse<String> notOverridden = send(proxied("accountConfigReadWrite", SKILLS).GET());

        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(502);
        assertThat(overridden.headers().firstValue(AgentProxy.AGENT_ERROR)).contains("no-answer");
        assertThat(overridden.body()).contains("127.0.0.1:1");
        assertThat(notOverridden.statusCode()).as(notOverridden.body()).isEqualTo(200);
        assertThat(emulator.apiRequests()).as("only the call without override reached the emulator").hasSize(1);
    }

    /**
     * The scenario through the proxy: 200 concurrent reads and writes while the session is killed at the
     * emulator mid-run — one re-login, every call 2xx, none sent more than twice, every write applied once.
     */
    @Test
    void two_hundred_concurrent_calls_while_the_session_is_killed_cost_one_login_and_lose_nothing() throws Exception {
        ConcurrentCallsScenario.of(emulator, 200).run(call -> {
            // the placeholder as a URL holds it: the proxy fills in the session's account, as the helper does
            HttpRequest.Builder request = proxied(call.service(),
                    call.pathAndQuery().replace("{accountId}", "%7BaccountId%7D"));
            if (call.write()) {
                request.header("Content-Type", "application/json").header("If-Match", "*")
                        .POST(HttpRequest.BodyPublishers.ofString(call.jsonBody()));
            }
            try {
                return send(request).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private HttpRequest.Builder proxied(String service, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(url + "/v1/proxy/" + service + pathAndQuery))
                .header(AgentKey.HEADER, key);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        return send(HttpRequest.newBuilder(url.resolve("/v1/token")).header(AgentKey.HEADER, key).GET()).body();
    }

    /** The URL a started agent prints first. */
    private static URI firstLine(Process agent) throws Exception {
        String first = CliProcess.firstLine(agent);
        assertThat(first).as("the first stdout line").isNotNull().matches("http://127\\.0\\.0\\.1:\\d+");
        return URI.create(first);
    }
}
