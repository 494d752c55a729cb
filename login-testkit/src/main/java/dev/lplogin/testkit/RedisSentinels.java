package dev.lplogin.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real highly available Redis on loopback: a primary, its replicas and three sentinels (quorum two), each a
 * {@link RedisServer} process with no persistence. The sentinels take the primary as down after one second without
 * an answer and promote a replica; {@link #url()} is what a store connects with. Started in sync: every replica
 * replicating, every sentinel knowing the replicas and the other sentinels, so that a failover can start at once.
 *
 * <pre>{@code
 * try (RedisSentinels redis = RedisSentinels.start(1)) {
 *     RedisServer old = redis.primary();
 *     old.stop();                                        // SIGKILL
 *     RedisServer promoted = redis.awaitFailover(old, Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class RedisSentinels implements AutoCloseable {

    /** The name the sentinels monitor the primary under: the {@code #master} of {@link #url()}. */
    public static final String MASTER = "lp-primary";
    private static final int SENTINELS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisServer> dataNodes = new ArrayList<>();
    private final List<RedisServer> sentinels = new ArrayList<>();

    private RedisSentinels() {
    }

    /** A primary with {@code replicas} replicas (at least one, for a failover) and three sentinels, ready. */
    public static RedisSentinels start(int replicas) {
        RedisSentinels redis = new RedisSentinels();
        try {
            RedisServer primary = RedisServer.start();
            redis.dataNodes.add(primary);
            for (int i = 0; i < replicas; i++) {
                redis.dataNodes.add(RedisServer.startReplicaOf(primary));
            }
            for (RedisServer replica : redis.dataNodes.subList(1, redis.dataNodes.size())) {
                replica.awaitInSync(READY_TIMEOUT);
            }
            for (int i = 0; i < SENTINELS; i++) {
                redis.sentinels.add(RedisServer.startSentinel(primary, MASTER, 2));
            }
            redis.awaitSentinelsKnowEverything(replicas);
            return redis;
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** {@code redis-sentinel://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3#lp-primary}. */
    public String url() {
        return "redis-sentinel://" + sentinels.stream().map(s -> "127.0.0.1:" + s.port())
                .collect(Collectors.joining(",")) + "#" + MASTER;
    }

    /** The data node the sentinels currently name as the primary. */
    public RedisServer primary() {
        return dataNode(primaryPort());
    }

    /** Every data node, the first started as the primary (it may no longer be, or be stopped). */
    public List<RedisServer> dataNodes() {
        return List.copyOf(dataNodes);
    }

    public List<RedisServer> sentinels() {
        return List.copyOf(sentinels);
    }

    /**
     * Waits until the sentinels name another primary than {@code old} and it answers as one.
     *
     * @return the promoted primary
     */
    public RedisServer awaitFailover(RedisServer old, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int port = primaryPortOrZero();
            if (port != 0 && port != old.port()) {
                RedisServer promoted = dataNode(port);
                promoted.awaitInfo("replication", "role:master",
                        Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                return promoted;
            }
            RedisServer.pause(20);
        }
        throw new IllegalStateException("the sentinels did not promote a replica within " + timeout);
    }

    /** Waits until every running replica has everything the primary wrote so far (replication offsets equal). */
    public void awaitReplicated(Duration timeout) {
        RedisServer primary = primary();
        long written = Long.parseLong(primary.info("replication", "master_repl_offset"));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RedisServer replica : dataNodes) {
            if (replica == primary || !replica.running()) {
                continue;
            }
            while (Long.parseLong(replica.info("replication", "slave_repl_offset")) < written) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica on port " + replica.port() + " did not catch up"
                            + " within " + timeout);
                }
                RedisServer.pause(10);
            }
        }
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServer::stop);
        dataNodes.forEach(RedisServer::stop);
    }

    private void awaitSentinelsKnowEverything(int replicas) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, String> state = Map.of();
        while (System.nanoTime() < deadline) {
            boolean ready = true;
            for (RedisServer sentinel : sentinels) {
                state = fields(sentinel.command("SENTINEL", "MASTER", MASTER));
                ready &= Integer.parseInt(state.getOrDefault("num-slaves", "0")) >= replicas
                        && Integer.parseInt(state.getOrDefault("num-other-sentinels", "0")) >= SENTINELS - 1;
            }
            if (ready) {
                return;
            }
            RedisServer.pause(50);
        }
        throw new IllegalStateException("the sentinels did not see the replicas and each other within "
                + READY_TIMEOUT + ": " + state);
    }

    private int primaryPort() {
        int port = primaryPortOrZero();
        if (port == 0) {
            throw new IllegalStateException("no sentinel answers with a primary");
        }
        return port;
    }

    private int primaryPortOrZero() {
        for (RedisServer sentinel : sentinels) {
            if (sentinel.running()) {
                try {
                    List<String> address = sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER).lines()
                            .toList();
                    if (address.size() == 2) {
                        return Integer.parseInt(address.get(1));
                    }
                } catch (IllegalStateException e) {
                    // this sentinel is busy or gone: ask the next
                }
            }
        }
        return 0;
    }

    private RedisServer dataNode(int port) {
        return dataNodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sentinels name a primary on port " + port
                        + ", which is none of this deployment's nodes"));
    }

    /** A flat name/value reply (one per line) as a map. */
    private static Map<String, String> fields(String reply) {
        List<String> lines = reply.lines().toList();
        Map<String, String> fields = new java.util.HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            fields.put(lines.get(i), lines.get(i + 1));
        }
        return fields;
    }
}
