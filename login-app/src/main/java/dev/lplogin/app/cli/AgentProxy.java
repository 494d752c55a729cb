package dev.lplogin.app.cli;

import com.sun.net.httpserver.HttpExchange;
import dev.lplogin.calls.CallBody;
import dev.lplogin.calls.LivePersonCalls;
import dev.lplogin.calls.ServiceCall;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.InfrastructureException;
import dev.lplogin.domain.usecase.SessionUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agent's API proxy, {@code ANY /v1/proxy/{service}/{path…}?{query}} (docs/agent.md): a caller with the agent key
 * sends a LivePerson API request without any token logic, and the agent sends it on for one of its sessions. The
 * host is the one the Domain API (or a configured {@code --service-host}) names for the session's account — never
 * one taken from the request — and the request goes through {@code login-calls}, so the bearer, the one replay after
 * a 401 and the refusal to follow redirects are the Java helper's, not a second copy.
 *
 * <p>The session is chosen by the headers {@value ProxyHeaders#ACCOUNT} and {@value ProxyHeaders#USER}, not by query
 * parameters: the query is the service's and goes on unchanged. Both may be left out when the agent keeps one
 * session (or one of that account), as on the other endpoints. Request bodies are read whole, up to
 * {@link #MAX_BODY_BYTES}, so that the one replay sends the same bytes again; a longer one is a 413 and nothing is
 * sent. The answer streams back: status, end-to-end headers ({@link ProxyHeaders}) and body.
 *
 * <p>Answers the agent makes itself (not the service) carry {@value #AGENT_ERROR}, so a caller can tell the agent's
 * 404 ("no such session") from the service's.
 */
final class AgentProxy {

    /** The path prefix this proxy serves. */
    static final String PREFIX = "/v1/proxy/";
    /** The largest request body the proxy forwards. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Set on every answer the agent makes itself rather than relays: its value says why, in a word. */
    static final String AGENT_ERROR = "X-LP-Agent-Error";

    /** A path segment that would leave the service's path: {@code .}, {@code ..}, in any percent-encoding. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)(?:\\.|%2e){1,2}");
    /** How much of an oversized body is read and dropped before the 413, so that a client still sending gets it. */
    private static final long DRAIN_BYTES = 8L * MAX_BODY_BYTES;

    /** {@code {accountId}} as a client must write it in a URL: the placeholder of {@link ServiceCall}. */
    private static final Pattern ACCOUNT_PLACEHOLDER = Pattern.compile("(?i)%7BaccountId%7D");

    private final LivePersonCalls calls;
    private final List<AgentTarget> targets;

    /**
     * @param calls   the Java helper over the agent's core and transport
     * @param targets the sessions the agent keeps: the only ones the proxy calls with
     */
    AgentProxy(LivePersonCalls calls, List<AgentTarget> targets) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.targets = List.copyOf(targets);
    }

    /** Serves one request whose path starts with {@link #PREFIX}; the agent key was checked already. */
    void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (!rawPath.startsWith(PREFIX)) {   // e.g. /v1%2Fproxy/…: routed on the decoded path, not one of ours
            refuse(exchange, 404, "bad-request", "the proxy path is /v1/proxy/SERVICE/PATH, unencoded");
            return;
        }
        String rest = rawPath.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String serviceText = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        Optional<ServiceName> service = service(serviceText);
        if (service.isEmpty()) {
            refuse(exchange, 400, "bad-request", "the proxy path is /v1/proxy/SERVICE/PATH with SERVICE a Domain API "
                    + "service name such as accountConfigReadOnly; got '" + printable(serviceText) + "'");
            return;
        }
        if (List.of(path.split("/", -1)).stream().anyMatch(segment -> DOT_SEGMENT.matcher(segment).matches())) {
            refuse(exchange, 400, "bad-request", "the path must not contain '.' or '..' segments");
            return;
        }
        Optional<SessionKey> session = session(exchange);
        if (session.isEmpty()) {
            return;
        }
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            return;
        }
        forward(exchange, session.get(), service.get(), path, body.get());
    }

    /** Sends the request through the Java helper and streams its answer back. */
    private void forward(HttpExchange exchange, SessionKey session, ServiceName service, String path, byte[] body)
            throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        List<ServiceCall.Header> headers = new ArrayList<>();
        ProxyHeaders.toService(exchange.getRequestHeaders()).forEach((name, values) ->
                values.forEach(value -> headers.add(new ServiceCall.Header(name, value))));
        HttpResponse<InputStream> answer;
        try {
            ServiceCall call = new ServiceCall(session, service, exchange.getRequestMethod(),
                    ACCOUNT_PLACEHOLDER.matcher(path).replaceAll(ServiceCall.ACCOUNT_PLACEHOLDER)
                            + (query == null ? "" : "?" + query),
                    headers, body.length == 0 ? CallBody.none() : CallBody.ofBytes(body));
            answer = calls.send(call, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException e) {
            refuse(exchange, 400, "bad-request", e.getMessage());
            return;
        } catch (SessionUnavailableException e) {
            refuse(exchange, 503, "no-session", e.getMessage());
            return;
        } catch (DomainNotFoundException e) {
            refuse(exchange, 404, "unknown-service", "the Domain API names no host for service '" + service
                    + "' of account " + session.account() + "; the proxy only calls hosts it names (or "
                    + "--service-host)");
            return;
        } catch (InfrastructureException e) {
            refuse(exchange, 502, "no-answer", e.getMessage());
            return;
        }
        relay(exchange, answer);
    }

    /** The service's status, end-to-end headers and body, streamed as they come. */
    private static void relay(HttpExchange exchange, HttpResponse<InputStream> answer) throws IOException {
        try (InputStream in = answer.body()) {
            ProxyHeaders.toCaller(answer.headers().map()).forEach(exchange.getResponseHeaders()::put);
            int status = answer.statusCode();
            boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304;
            long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
            // -1 for the JDK server means "no body"; 0 means "chunked": an unknown length streams chunked.
            exchange.sendResponseHeaders(status, noBody ? -1 : length > 0 ? length : length == 0 ? -1 : 0);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }

    /** The kept session the request's headers name; answers 400/404 itself and returns empty if there is none. */
    private Optional<SessionKey> session(HttpExchange exchange) throws IOException {
        String account = exchange.getRequestHeaders().getFirst(ProxyHeaders.ACCOUNT);
        String user = exchange.getRequestHeaders().getFirst(ProxyHeaders.USER);
        List<SessionKey> matching = AgentTarget.matching(targets, account, user);
        if (matching.size() == 1) {
            return Optional.of(matching.get(0));
        }
        if (matching.isEmpty()) {
            refuse(exchange, 404, "no-session", AgentTarget.noSuchSession(account, user));
        } else {
            refuse(exchange, 400, "several-sessions", "this agent keeps several sessions: name one with the headers "
                    + ProxyHeaders.ACCOUNT + ": ID and " + ProxyHeaders.USER + ": NAME");
        }
        return Optional.empty();
    }

    /**
     * The whole request body, or empty after answering 413 when it is longer than {@link #MAX_BODY_BYTES} (said by
     * {@code Content-Length} or found while reading).
     */
    private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean declaredTooLong = declared != null && declared.strip().matches("[0-9]{1,18}")
                && Long.parseLong(declared.strip()) > MAX_BODY_BYTES;
        try (InputStream in = exchange.getRequestBody()) {
            if (!declaredTooLong) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length <= MAX_BODY_BYTES) {
                    return Optional.of(body);
                }
            }
            // Read on (bounded) before answering, from the same stream (closing it would drop the rest): closed with
            // the client's bytes unread, the socket would answer them with a reset, and a client still sending would
            // lose the 413.
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < DRAIN_BYTES && (n = in.read(sink)) >= 0) {
                drained += n;
            }
        }
        exchange.getResponseHeaders().set("Connection", "close");
        refuse(exchange, 413, "body-too-large", "the request body is larger than the proxy forwards ("
                + MAX_BODY_BYTES / 1024 + " KiB); nothing was sent to the service");
        return Optional.empty();
    }

    private static Optional<ServiceName> service(String text) {
        try {
            return Optional.of(ServiceName.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An answer of the agent's own: a one-line reason, marked with {@link #AGENT_ERROR}. */
    static void refuse(HttpExchange exchange, int status, String code, String reason) throws IOException {
        byte[] bytes = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set(AGENT_ERROR, code);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Text from the request, safe to echo in one line: no control characters, at most 80 characters. */
    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
