package dev.lplogin.emulator;

import dev.lplogin.emulator.json.AdminJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code /_emulator/…} controls over HTTP, for tests and demos in any language. Loopback only. */
final class AdminHandler {

    private final EmulatorServer server;

    AdminHandler(EmulatorServer server) {
        this.server = server;
    }

    Reply stats(Request request) {
        var stats = server.stats();
        var requests = new LinkedHashMap<String, Long>();
        for (Endpoint endpoint : Endpoint.values()) {
            requests.put(endpoint.wireName(), stats.requests(endpoint));
        }
        var statuses = new LinkedHashMap<String, Long>();
        stats.statuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> statuses.put(entry.getKey().toString(), entry.getValue()));
        return Reply.json(200,
                new AdminJson.Stats(requests, statuses, stats.activeSessions(), stats.connections()));
    }

    Reply apiRequests(Request request) {
        var entries = server.apiRequests().stream()
                .map(entry -> new AdminJson.ApiRequest(entry.endpoint().wireName(), entry.method(), entry.path(),
                        entry.query().orElse(null), entry.status(), entry.headerNames()))
                .toList();
        return Reply.json(200, new AdminJson.ApiRequests(entries));
    }

    Reply addFault(Request request) {
        var body = JsonCodec.read(request.body(), AdminJson.FaultRequest.class, "{\"endpoint\":\""
                + Endpoint.wireNames().replace(", ", "|") + "\",\"mode\":\"status|delay|reset|malformed"
                + "|bearer-newline|huge-bearer|deep-json\",…}");
        server.inject(toFault(body));
        return Reply.json(200, new AdminJson.Faults(server.pendingFaults()));
    }

    Reply clearFaults(Request request) {
        server.clearFaults();
        return Reply.json(200, new AdminJson.Faults(0));
    }

    Reply expire(Request request) {
        var body = request.body().length == 0
                ? new AdminJson.ExpireRequest(null, null)
                : JsonCodec.read(request.body(), AdminJson.ExpireRequest.class,
                        "{} for all sessions, {\"account\":…} or {\"account\":…,\"username\":…}");
        int expired;
        if (body.account() == null) {
            if (body.username() != null) {
                throw new Rejection(400, "expiring a user's sessions needs the account too");
            }
            expired = server.expireSessions();
        } else if (body.username() == null) {
            expired = server.expireAccount(body.account());
        } else {
            expired = server.expireSessions(body.account(), body.username());
        }
        return Reply.json(200, new AdminJson.Expired(expired));
    }

    Reply clock(Request request) {
        var body = JsonCodec.read(request.body(), AdminJson.ClockRequest.class, "{\"advanceSeconds\":N}");
        if (body.advanceSeconds() == null || body.advanceSeconds() < 0) {
            throw new Rejection(400, "advanceSeconds must be a whole number of seconds, 0 or more");
        }
        var offset = server.advanceClock(Duration.ofSeconds(body.advanceSeconds()));
        return Reply.json(200, new AdminJson.Clock(offset.toSeconds(), server.now().toString()));
    }

    Reply reset(Request request) {
        server.reset();
        return Reply.json(200, new AdminJson.Reset(true));
    }

    private static Fault toFault(AdminJson.FaultRequest body) {
        try {
            if (body.endpoint() == null || body.mode() == null) {
                throw new IllegalArgumentException("endpoint and mode are required");
            }
            var endpoint = Endpoint.fromWireName(body.endpoint());
            var mode = parseMode(body.mode());
            int status = mode == Fault.Mode.STATUS ? require(body.status(), "status") : 0;
            var retryAfter = Optional.ofNullable(body.retryAfterSeconds()).map(Duration::ofSeconds);
            var delay = mode == Fault.Mode.DELAY
                    ? Duration.ofMillis(require(body.delayMs(), "delayMs"))
                    : Duration.ZERO;
            int times = body.times() == null ? 1 : body.times();
            return new Fault(endpoint, mode, status, retryAfter, delay, times);
        } catch (IllegalArgumentException e) {
            throw new Rejection(400, "invalid fault: " + e.getMessage());
        }
    }

    private static Fault.Mode parseMode(String mode) {
        try {
            return Fault.Mode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + mode + "': use one of status, delay, reset,"
                    + " malformed, bearer-newline, huge-bearer, deep-json");
        }
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required for this mode");
        }
        return value;
    }
}
