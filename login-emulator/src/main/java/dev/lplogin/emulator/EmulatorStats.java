package dev.lplogin.emulator;

import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of what the emulator has seen since it started or was last {@linkplain LoginEmulator#reset() reset}.
 * Admin requests ({@code /_emulator/…}) are not counted.
 *
 * @param requests       requests received per endpoint (faulted ones included); every endpoint is present
 * @param statuses       answers sent per HTTP status code, over all non-admin requests
 * @param activeSessions sessions alive now
 * @param connections    TCP connections that carried non-admin requests (distinct client address:port pairs), so
 *                       a client that reuses its connections shows a small number
 */
public record EmulatorStats(Map<Endpoint, Long> requests, Map<Integer, Long> statuses, int activeSessions,
                            long connections) {

    /** Copies the maps. */
    public EmulatorStats {
        requests = Map.copyOf(Objects.requireNonNull(requests, "requests"));
        statuses = Map.copyOf(Objects.requireNonNull(statuses, "statuses"));
    }

    /** Requests received by one endpoint. */
    public long requests(Endpoint endpoint) {
        return requests.getOrDefault(endpoint, 0L);
    }

    /** Answers sent with this status code. */
    public long status(int code) {
        return statuses.getOrDefault(code, 0L);
    }
}
