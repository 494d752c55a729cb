package dev.lplogin.emulator.json;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** The wire records of the {@code /_emulator/…} admin endpoints. */
public final class AdminJson {

    private AdminJson() {
    }

    /** {@code GET /_emulator/stats}. */
    @JsonbPropertyOrder({"requests", "statuses", "activeSessions", "connections"})
    public record Stats(Map<String, Long> requests, Map<String, Long> statuses, int activeSessions, long connections) {
    }

    /** {@code POST /_emulator/faults}; only {@code endpoint} and {@code mode} are always required. */
    public record FaultRequest(String endpoint, String mode, Integer status, Integer retryAfterSeconds, Long delayMs,
                        Integer times) {
    }

    /** The answer to fault changes. */
    public record Faults(int pendingFaults) {
    }

    /** {@code POST /_emulator/sessions/expire}: no body or {@code {}} for all, or one account, or one user. */
    public record ExpireRequest(String account, String username) {
    }

    /** How many live sessions an expire call ended. */
    public record Expired(int expired) {
    }

    /** {@code POST /_emulator/clock}. */
    public record ClockRequest(Long advanceSeconds) {
    }

    /** The clock after a change: its total offset from the system clock and its current time (ISO-8601). */
    @JsonbPropertyOrder({"offsetSeconds", "now"})
    public record Clock(long offsetSeconds, String now) {
    }

    /** {@code GET /_emulator/api-requests}: the last requests to the protected APIs, oldest first. */
    public record ApiRequests(List<ApiRequest> requests) {
    }

    /** One of them: header names only, never values; {@code query} null when there was none. */
    @JsonbPropertyOrder({"endpoint", "method", "path", "query", "status", "headers"})
    public record ApiRequest(String endpoint, String method, String path, String query, int status,
                             List<String> headers) {
    }

    /** The answer to {@code POST /_emulator/reset}. */
    public record Reset(boolean reset) {
    }
}
