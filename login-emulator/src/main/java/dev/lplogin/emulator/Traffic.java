package dev.lplogin.emulator;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters behind {@code /_emulator/stats}: requests per endpoint, answers per status, connections seen. */
final class Traffic {

    private final Map<Endpoint, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    // The JDK server has no accept hook; each TCP connection has its own client port, so distinct remote
    // address:port pairs count connections (a reused port after TIME_WAIT would be missed, which is harmless).
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

    void connection(InetSocketAddress remote) {
        connections.add(remote);
    }

    void request(Endpoint endpoint) {
        requests.computeIfAbsent(endpoint, key -> new LongAdder()).increment();
    }

    void status(int code) {
        statuses.computeIfAbsent(code, key -> new LongAdder()).increment();
    }

    EmulatorStats snapshot(int activeSessions) {
        var perEndpoint = new EnumMap<Endpoint, Long>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            var count = requests.get(endpoint);
            perEndpoint.put(endpoint, count == null ? 0L : count.sum());
        }
        var perStatus = new java.util.TreeMap<Integer, Long>();
        statuses.forEach((code, count) -> perStatus.put(code, count.sum()));
        return new EmulatorStats(perEndpoint, perStatus, activeSessions, connections.size());
    }

    void clear() {
        requests.clear();
        statuses.clear();
        connections.clear();
    }
}
