package dev.lplogin.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one JDK handler: finds the route, counts traffic, applies injected faults, reads the body within its limit,
 * and turns every failure into a JSON error answer (spec §3.6) — never a stack trace.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    private static final String ADMIN_PREFIX = "/_emulator/";
    /** What a {@code malformed} fault answers: the start of a login answer, cut off. */
    private static final byte[] BROKEN_JSON = "{\"csrf\":\"0123456789abcdef\",\"config\":{\"userId\""
            .getBytes(StandardCharsets.UTF_8);

    /** The most of a refused body read (and dropped) so that the connection closes cleanly. */
    private static final long DISCARD_LIMIT = 1 << 20;

    private final List<Route> routes;
    private final FaultPlan faults;
    private final Traffic traffic;
    private final ApiLog apiLog;
    private final Errors errors;
    private final int maxBodyBytes;

    Router(List<Route> routes, FaultPlan faults, Traffic traffic, ApiLog apiLog, Errors errors, int maxBodyBytes) {
        this.routes = List.copyOf(routes);
        this.faults = faults;
        this.traffic = traffic;
        this.apiLog = apiLog;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            boolean admin = path.startsWith(ADMIN_PREFIX);
            if (!admin) {
                traffic.connection(exchange.getRemoteAddress());
            }
            var match = match(exchange.getRequestMethod(), path);
            Optional<Reply> reply;
            boolean bodyRefused = false;
            try {
                reply = dispatch(exchange, path, admin, match);
            } catch (Rejection rejection) {
                var refusal = errors.reply(rejection);
                // An oversized body is left unread on the wire: the connection cannot carry another request.
                bodyRefused = rejection.status() == 413;
                reply = Optional.of(bodyRefused ? refusal.withHeader("Connection", "close") : refusal);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the emulator failed to answer " + exchange.getRequestMethod() + " " + path, e);
                reply = Optional.of(errors.reply(500, "the emulator failed to answer; see its log"));
            }
            var endpoint = match.endpoint();
            if (endpoint.isPresent() && endpoint.get().isProtectedApi()) {
                // Logged before sending, so a client that asks right after its answer finds its request listed.
                apiLog.add(endpoint.get(), exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                        reply.map(Reply::status).orElse(0), exchange.getRequestHeaders());
            }
            if (reply.isPresent()) {
                send(exchange, reply.get(), admin);
            }
            if (bodyRefused) {
                discardRestOfBody(exchange);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        } finally {
            // Closing without having sent headers drops the connection: that is how a 'reset' fault works.
            exchange.close();
        }
    }

    /** The routes whose path matched, and the one that also matched the method, with its captured segments. */
    private record Match(List<Route> candidates, Optional<Route> chosen, List<String> params) {

        /** The endpoint the request is counted for: the chosen route's, else that of the first whose path matched. */
        Optional<Endpoint> endpoint() {
            return chosen.or(() -> candidates.stream().findFirst()).flatMap(Route::endpoint);
        }
    }

    private Match match(String method, String path) {
        var candidates = new ArrayList<Route>();
        Route chosen = null;
        var params = new ArrayList<String>();
        for (Route route : routes) {
            var matcher = route.path().matcher(path);
            if (matcher.matches()) {
                candidates.add(route);
                if (route.method().equals(method)) {
                    chosen = route;
                    for (int i = 1; i <= matcher.groupCount(); i++) {
                        params.add(matcher.group(i));
                    }
                }
            }
        }
        return new Match(candidates, Optional.ofNullable(chosen), params);
    }

    /** The answer, or empty to drop the connection without one. */
    private Optional<Reply> dispatch(HttpExchange exchange, String path, boolean admin, Match match)
            throws IOException {
        if (match.candidates().isEmpty()) {
            throw new Rejection(404, "no such endpoint: " + path);
        }
        match.endpoint().ifPresent(traffic::request);
        if (admin && !exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            throw new Rejection(403, "the emulator's admin endpoints answer loopback clients only");
        }
        if (match.chosen().isEmpty()) {
            String allowed = match.candidates().stream().map(Route::method).collect(Collectors.joining(", "));
            return Optional.of(errors.reply(405, "use " + allowed + " for " + path).withHeader("Allow", allowed));
        }
        Route chosen = match.chosen().get();
        byte[] body = readBody(exchange);
        var fault = chosen.endpoint().flatMap(faults::next);
        if (fault.isPresent()) {
            switch (fault.get().mode()) {
                case STATUS -> {
                    return Optional.of(statusFault(fault.get()));
                }
                case RESET -> {
                    return Optional.empty();
                }
                case MALFORMED -> {
                    return Optional.of(new Reply(200, Map.of("Content-Type", "application/json"), BROKEN_JSON));
                }
                case BEARER_NEWLINE, HUGE_BEARER, DEEP_JSON -> {
                    return Optional.of(new Reply(200, Map.of("Content-Type", "application/json"),
                            HostileAnswers.body(fault.get().mode())));
                }
                case DELAY -> {
                    if (!pause(fault.get().delay())) {
                        return Optional.empty();
                    }
                }
            }
        }
        var query = Request.parseQuery(exchange.getRequestURI().getRawQuery());
        var request = new Request(query, exchange.getRequestHeaders(), body, match.params());
        return Optional.of(chosen.handler().handle(request));
    }

    private Reply statusFault(Fault fault) {
        var reply = errors.reply(fault.status(), "injected fault");
        return fault.retryAfter()
                .map(after -> reply.withHeader("Retry-After", Long.toString(after.toSeconds())))
                .orElse(reply);
    }

    /** Waits out a delay fault; false if the emulator is closing meanwhile. */
    private static boolean pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > maxBodyBytes) {
            throw new Rejection(413, "the body is larger than " + maxBodyBytes + " bytes");
        }
        // not closed here: a refused body is read on by discardRestOfBody, and the exchange's close closes it
        InputStream in = exchange.getRequestBody();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > maxBodyBytes) {
                throw new Rejection(413, "the body is larger than " + maxBodyBytes + " bytes");
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what the client still sends of a refused body (at most {@value #DISCARD_LIMIT} bytes) before the
     * connection is closed. A socket closed with unread bytes in it answers the client's further bytes with a reset,
     * and a client still sending then loses the 413 it was already sent ("connection reset" instead of the answer).
     */
    private static void discardRestOfBody(HttpExchange exchange) {
        try {
            InputStream in = exchange.getRequestBody();
            byte[] buffer = new byte[8192];
            long discarded = 0;
            int read;
            while (discarded < DISCARD_LIMIT && (read = in.read(buffer)) != -1) {
                discarded += read;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away while its refused body was discarded", e);
        }
    }

    private void send(HttpExchange exchange, Reply reply, boolean admin) throws IOException {
        if (!admin) {
            // Counted before sending, so a client that asks for stats right after its answer sees it counted.
            traffic.status(reply.status());
        }
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
