package dev.lplogin.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.usecase.LoginUseCase;
import dev.lplogin.domain.usecase.SessionUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's local HTTP listener (JDK {@code com.sun.net.httpserver}), loopback only. Every request must carry the
 * agent key ({@link AgentKey#HEADER}); without it the answer is 401, with a wrong one 403, both with an empty body
 * and before the path is even looked at. Endpoints (docs/agent.md):
 * <ul>
 *   <li>{@code GET /v1/token?account=ID&user=NAME}: the bearer, {@code text/plain} — the only answer with a secret;
 *   <li>{@code POST /v1/invalidate?account=ID&user=NAME}, body = the bearer another API refused: if it is still the
 *       current one, one check of the session at the service ({@link SessionChecks}), a login only if it is dead;
 *       answers JSON without secrets;
 *   <li>{@code GET /v1/status}: the sessions as JSON, no secrets; {@code GET /healthz}; {@code GET /metrics};
 *   <li>{@code ANY /v1/proxy/SERVICE/PATH?QUERY}: a LivePerson API call with a kept session's bearer
 *       ({@link AgentProxy}).
 * </ul>
 * {@code account} and {@code user} may be left out when the agent keeps one session (or one of that account).
 */
final class AgentServer {

    private static final int MAX_BEARER_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(AgentServer.class.getName());

    /** At most one check of a session at the service per this interval, however often its bearer is reported. */
    static final Duration MIN_CHECK_INTERVAL = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AgentKey key;
    private final LoginUseCase core;
    private final List<AgentTarget> targets;
    private final AgentSinks sinks;
    private final Supplier<Optional<String>> metrics;
    private final Clock clock;
    private final SessionChecks checks;
    private final AgentProxy proxy;

    private AgentServer(HttpServer server, AgentKey key, LoginUseCase core, List<AgentTarget> targets,
            AgentSinks sinks, Supplier<Optional<String>> metrics, Clock clock, AgentProxy proxy) {
        this.server = server;
        this.key = key;
        this.core = core;
        this.targets = List.copyOf(targets);
        this.sinks = sinks;
        this.metrics = metrics;
        this.clock = clock;
        this.checks = new SessionChecks(core, clock, MIN_CHECK_INTERVAL);
        this.proxy = proxy;
    }

    /**
     * The loopback address of {@code listen} ({@code HOST:PORT}, {@code [::1]:PORT}; port 0 = any free port).
     *
     * @throws CliException (usage) if it is malformed or not a loopback address
     */
    static InetSocketAddress loopback(String listen) {
        int colon = listen.lastIndexOf(':');
        String host = colon <= 0 ? "" : listen.substring(0, colon);
        String port = colon < 0 ? "" : listen.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw CliException.usage("--listen must be HOST:PORT on loopback, e.g. 127.0.0.1:7373 (port 0 = any "
                    + "free port), got '" + listen + "'", "see 'lp-login agent --help'");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw CliException.usage("--listen: unknown host '" + host + "'", "use 127.0.0.1, [::1] or localhost");
        }
        if (!address.isLoopbackAddress()) {
            throw CliException.usage("--listen " + listen + " is not a loopback address: the agent hands out "
                    + "bearers and listens on this machine only", "use 127.0.0.1, [::1] or localhost");
        }
        return new InetSocketAddress(address, Integer.parseInt(port));
    }

    /**
     * Binds the listener without serving yet: an agent binds before it writes anything, so that one started on a
     * port in use fails before touching a file.
     *
     * @throws CliException if the address cannot be bound (e.g. in use)
     */
    static Bound bind(InetSocketAddress address) {
        ListenerLimits.apply(); // before the JDK server's configuration class loads (see ListenerLimits)
        try {
            return new Bound(HttpServer.create(address, 50));
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot listen on " + address + " (" + e.getMessage() + ")",
                    "is the port in use (another agent?)? choose another, or 0 for any free port");
        }
    }

    /** A bound listener that serves nothing yet. */
    static final class Bound {
        private final HttpServer server;

        private Bound(HttpServer server) {
            this.server = server;
        }

        /** Starts serving the sessions of {@code core} to callers with {@code key}. */
        AgentServer serve(AgentKey key, LoginUseCase core, List<AgentTarget> targets, AgentSinks sinks,
                Supplier<Optional<String>> metrics, Clock clock, AgentProxy proxy) {
            AgentServer agent = new AgentServer(server, key, core, targets, sinks, metrics, clock, proxy);
            server.setExecutor(agent.executor);
            server.createContext("/", agent::handle);
            server.start();
            return agent;
        }

        /** Lets go of the address (the agent did not start). */
        void close() {
            server.stop(0);
        }
    }

    /** The URL callers use, e.g. {@code http://127.0.0.1:40123}. */
    URI url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress() instanceof Inet6Address ? "[" + bound.getAddress().getHostAddress() + "]"
                : bound.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort());
    }

    /** Stops accepting requests and ends the ones in progress. */
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst(AgentKey.HEADER);
            if (presented == null || !key.matches(presented)) {
                // a caller without the key gets nothing more from this connection: it is closed, not kept alive
                exchange.getResponseHeaders().set("Connection", "close");
                empty(exchange, presented == null ? 401 : 403);
                return;
            }
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // A bug here must not take the agent down, and its message is not for callers: it may say more
                // than they should learn (paths, the store's state). The details are in the agent's log (--verbose).
                LOG.log(Level.FINE, "agent: internal error answering " + exchange.getRequestURI().getPath(), e);
                text(exchange, 500, "internal error (details in the agent's log with --verbose)\n");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (path.startsWith(AgentProxy.PREFIX)) {
            proxy.handle(exchange);
            return;
        }
        String expected = path.equals("/v1/invalidate") ? "POST" : "GET";
        if (!List.of("/v1/token", "/v1/invalidate", "/v1/status", "/healthz", "/metrics").contains(path)) {
            text(exchange, 404, "no such endpoint: " + path + " (see docs/agent.md)\n");
            return;
        }
        if (!method.equals(expected)) {
            exchange.getResponseHeaders().set("Allow", expected);
            text(exchange, 405, path + " takes " + expected + "\n");
            return;
        }
        switch (path) {
            case "/v1/token" -> token(exchange);
            case "/v1/invalidate" -> invalidate(exchange);
            case "/v1/status" -> json(exchange, 200, status());
            case "/healthz" -> health(exchange);
            default -> {
                Optional<String> scrape = metrics.get();
                if (scrape.isPresent()) {
                    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", scrape.get());
                } else {
                    text(exchange, 404, "metrics are not available in this build\n");
                }
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Optional<SessionKey> target = target(exchange);
        if (target.isEmpty()) {
            return;
        }
        try {
            Secret bearer = core.bearer(target.get());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, 200, "text/plain; charset=utf-8", bearer.reveal());
        } catch (SessionUnavailableException | InfrastructureException e) {
            // no session, or the store or service cannot be reached now: the caller may try again later
            text(exchange, 503, e.getMessage() + "\n");
        }
    }

    private void invalidate(HttpExchange exchange) throws IOException {
        Optional<SessionKey> target = target(exchange);
        if (target.isEmpty()) {
            return;
        }
        String rejected = readBody(exchange);
        if (rejected == null) {
            text(exchange, 413, "the body must be the rejected bearer alone\n");
            return;
        }
        if (rejected.isBlank()) {
            text(exchange, 400, "send the bearer the other API refused as the request body\n");
            return;
        }
        SessionKey sessionKey = target.get();
        try {
            Secret refused = Secret.of(rejected.strip());
            boolean renewed = checks.check(sessionKey, refused);
            sinks.update(sessionKey, true);
            json(exchange, 200, Json.object().put("account", sessionKey.account().value())
                    .put("user", sessionKey.loginName())
                    .put("renewed", renewed));
        } catch (SessionUnavailableException | InfrastructureException e) {
            sinks.update(sessionKey, true);
            text(exchange, 503, e.getMessage() + "\n");
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        List<String> unhealthy = new ArrayList<>();
        for (AgentTarget target : targets) {
            Optional<SessionInfo> info = core.session(target.key());
            String state = info.map(i -> i.freshness().name().toLowerCase(Locale.ROOT)).orElse("none");
            if (!state.equals("fresh") && !state.equals("stale")) {
                unhealthy.add(target.key() + " " + state);
            }
        }
        if (unhealthy.isEmpty()) {
            text(exchange, 200, "ok\n");
        } else {
            text(exchange, 503, "no valid session: " + String.join(", ", unhealthy) + "\n");
        }
    }

    private Json.Obj status() {
        List<Json.Obj> sessions = new ArrayList<>();
        for (AgentTarget target : targets) {
            Optional<SessionInfo> info = core.session(target.key());
            Json.Obj obj = info.map(i -> Formats.session(i, clock.instant())).orElseGet(() -> Json.object()
                    .put("account", target.key().account().value())
                    .put("user", target.key().loginName())
                    .put("state", "none"));
            obj.put("sink", target.sink().map(s -> s.path().toString()))
                    .put("jsonSink", target.jsonSink().map(s -> s.path().toString()));
            sessions.add(obj);
        }
        return Json.object().put("sessions", sessions);
    }

    /** The session a request means; answers 400/404 itself and returns empty if there is none. */
    private Optional<SessionKey> target(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String account = query.get("account");
        String user = query.get("user");
        List<SessionKey> matching = AgentTarget.matching(targets, account, user);
        if (matching.size() == 1) {
            return Optional.of(matching.get(0));
        }
        if (matching.isEmpty()) {
            text(exchange, 404, AgentTarget.noSuchSession(account, user) + "\n");
        } else {
            text(exchange, 400, "this agent keeps several sessions: give ?account=ID&user=NAME\n");
        }
        return Optional.empty();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isEmpty()) {
                values.putIfAbsent(name, value);
            }
        }
        return values;
    }

    /** The body as text, or null if it is longer than a bearer can be. */
    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BEARER_BYTES + 1);
            return body.length > MAX_BEARER_BYTES ? null : new String(body, StandardCharsets.UTF_8);
        }
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void json(HttpExchange exchange, int status, Json.Obj body) throws IOException {
        send(exchange, status, "application/json", body + "\n");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
