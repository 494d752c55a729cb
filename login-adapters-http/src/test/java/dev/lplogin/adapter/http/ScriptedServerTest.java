package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.Refreshed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the emulator never gives (siteConfig, missing userId, oversized bodies, broken baseURIs, a re-set cookie
 * with a new value, a redirect) from a real loopback HTTP server with scripted answers, and the exact requests the
 * adapters send.
 */
class ScriptedServerTest {

    private static final AccountId ACCOUNT = AccountId.of("12345678");

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    private record Received(String method, String uri, Map<String, List<String>> headers, String body) {
    }

    private final Map<String, Scripted> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HttpTransport transport;
    private ServiceHost host;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        host = ServiceHost.of("127.0.0.1:" + server.getAddress().getPort());
        transport = HttpTransport.create(TestSettings.fast(URI.create("http://" + host)));
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Scripted scripted = answers.getOrDefault(exchange.getRequestURI().getPath(), new Scripted(404, Map.of(), ""));
        scripted.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = scripted.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(scripted.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void script(String path, int status, String body, Map<String, String> headers) {
        answers.put(path, new Scripted(status, headers, body));
    }

    private static String loginAnswer(String configName, String config) {
        return "{\"csrf\":\"" + "c".repeat(64) + "\",\"wsuk\":\"1\",\"" + configName + "\":" + config
                + ",\"accountData\":{\"x\":[1,2]},\"newField\":{\"a\":null},\"sessionTTl\":\"3600000\",\"bearer\":\""
                + "b".repeat(64) + "\"}";
    }

    private LoggedIn login() {
        return (LoggedIn) new HttpAuthGateway(transport, InstantSource.system()).login(ACCOUNT, host,
                new Credentials.OAuth2Client("bot", "client-id", Secret.of("client-secret")));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})   // the body is read back as a plain Map
    @Test
    void an_oauth2_login_sends_the_exact_body_and_headers_and_reads_site_config() {
        script("/api/account/12345678/login", 200, loginAnswer("siteConfig", "{\"userId\":\"42\",\"userPid\":\"p\"}"),
                Map.of("Set-Cookie", "Session_id=s1; Path=/; HttpOnly"));

        Session session = login().session();

        Received request = received.get(0);
        assertThat(request.uri()).isEqualTo("/api/account/12345678/login?v=1.3");
        assertThat(transport.read(dev.lplogin.domain.port.Operation.LOGIN,
                new Answer(200, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                        request.body().getBytes(StandardCharsets.UTF_8), 1), Map.class, "the body"))
                .isEqualTo(Map.of("username", "bot", "appKey", "client-id", "secret", "client-secret",
                        "accessToken", "dummy", "accessTokenSecret", "dummy"));
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        assertThat(request.headers().get("Accept")).containsExactly("application/json");
        assertThat(request.headers().get("User-agent").get(0)).startsWith("lp-login/").contains(" Java/");
        assertThat(session.userId()).isEqualTo("42");
        assertThat(session.userPid()).contains("p");
        assertThat(session.maxLifetime()).contains(Duration.ofHours(1));
        assertThat(session.cookies().get(0).value().reveal()).isEqualTo("s1");
    }

    @Test
    void a_refresh_sends_the_cookies_and_csrf_to_the_login_host_and_keeps_the_newest_cookie() {
        script("/api/account/12345678/login", 200, loginAnswer("config", "{\"userId\":\"42\"}"),
                Map.of("Set-Cookie", "Session_id=s1; Path=/"));
        script("/api/account/12345678/refresh", 200, "", Map.of("Set-Cookie", "Session_id=s2; Path=/"));
        Session session = login().session();

        Session refreshed = ((Refreshed) new HttpAuthGateway(transport, InstantSource.system()).refresh(session))
                .session();

        Received request = received.get(1);
        assertThat(request.uri()).isEqualTo("/api/account/12345678/refresh");
        assertThat(request.headers().get("Cookie")).containsExactly("Session_id=s1");
        assertThat(request.body()).isEqualTo("{\"csrf\":\"" + "c".repeat(64) + "\"}");
        assertThat(refreshed.cookies()).singleElement()
                .satisfies(cookie -> assertThat(cookie.value().reveal()).isEqualTo("s2"));
    }

    @Test
    void a_login_answer_without_user_id_is_a_protocol_violation() {
        script("/api/account/12345678/login", 200, loginAnswer("config", "{\"loginName\":\"bot\"}"), Map.of());

        assertThatThrownBy(this::login).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("config.userId");
    }

    @Test
    void an_answer_over_the_size_limit_is_a_protocol_violation_not_retried() {
        script("/api/account/12345678/login", 200, "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}", Map.of());

        assertThatThrownBy(this::login).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("larger than 1048576 bytes");
        assertThat(received).hasSize(1);
    }

    @Test
    void a_redirect_is_not_followed() {
        script("/api/account/12345678/login", 302, "", Map.of("Location", "https://elsewhere.example/steal"));

        assertThatThrownBy(this::login).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("HTTP 302");
        assertThat(received).hasSize(1);
    }

    @Test
    void a_base_uri_that_is_not_a_bare_host_is_a_protocol_violation_naming_the_service() {
        script("/api/account/12345678/service/baseURI.json", 200, "{\"baseURIs\":["
                + "{\"service\":\"agentVep\",\"account\":\"12345678\",\"baseURI\":\"https://evil.example/x\"},"
                + "{\"service\":\"sentinel\",\"account\":\"12345678\",\"baseURI\":\"sentinel.example:443\"}]}", Map.of());
        HttpDomainLookup lookup = new HttpDomainLookup(transport, InstantSource.system());

        assertThatThrownBy(() -> lookup.lookup(ACCOUNT, ServiceName.LOGIN))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("'agentVep'")
                .hasMessageContaining("not a bare host");
        assertThat(lookup.lookup(ACCOUNT, ServiceName.of("sentinel"))).isEqualTo(ServiceHost.of("sentinel.example:443"));
    }

    @Test
    void a_service_missing_from_the_all_services_answer_is_found_with_the_single_service_shape() {
        script("/api/account/12345678/service/baseURI.json", 200,
                "{\"baseURIs\":[{\"service\":\"agentVep\",\"account\":\"12345678\",\"baseURI\":\"va.example\"}]}",
                Map.of());
        script("/api/account/12345678/service/msgHist/baseURI.json", 200,
                "{\"service\":\"msgHist\",\"account\":\"12345678\",\"baseURI\":\"hist.example\"}", Map.of());
        HttpDomainLookup lookup = new HttpDomainLookup(transport, InstantSource.system());

        assertThat(lookup.lookup(ACCOUNT, ServiceName.of("msgHist"))).isEqualTo(ServiceHost.of("hist.example"));
        assertThat(lookup.lookup(ACCOUNT, ServiceName.of("msgHist"))).isEqualTo(ServiceHost.of("hist.example"));
        assertThat(received).extracting(Received::uri).containsExactly(
                "/api/account/12345678/service/baseURI.json?version=1.0",
                "/api/account/12345678/service/msgHist/baseURI.json?version=1.0");
    }
}
