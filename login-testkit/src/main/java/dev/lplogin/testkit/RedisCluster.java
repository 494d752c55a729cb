package dev.lplogin.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster on loopback: primaries (three at least, so that a majority survives one loss) each with its
 * replicas, made with {@code redis-cli --cluster create} (Debian's {@code redis-tools}), every node a
 * {@link RedisServer} with no persistence and a one-second node timeout. {@link #url()} is what a store connects
 * with. Started when every node agrees the cluster is {@code ok}.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisServer> nodes = new ArrayList<>();

    private RedisCluster() {
    }

    /** {@code primaries} primaries (at least 3) with {@code replicasEach} replicas each, ready. */
    public static RedisCluster start(int primaries, int replicasEach) {
        if (primaries < 3) {
            throw new IllegalArgumentException("a Redis Cluster needs at least 3 primaries, got " + primaries);
        }
        RedisCluster cluster = new RedisCluster();
        try {
            for (int i = 0; i < primaries * (1 + replicasEach); i++) {
                cluster.nodes.add(RedisServer.startClusterNode());
            }
            List<String> command = new ArrayList<>(List.of(redisCli().toString(), "--cluster", "create"));
            cluster.nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
            command.addAll(List.of("--cluster-replicas", Integer.toString(replicasEach), "--cluster-yes"));
            run(command);
            cluster.awaitOk(cluster.nodes, READY_TIMEOUT);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,…}: every node, as seeds. */
    public String url() {
        return "redis-cluster://" + nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    public List<RedisServer> nodes() {
        return List.copyOf(nodes);
    }

    /** The node that serves {@code key}'s hash slot now, as a running node sees it. */
    public RedisServer primaryOf(String key) {
        RedisServer asked = anyRunning();
        int slot = Integer.parseInt(asked.command("CLUSTER", "KEYSLOT", key));
        return primaryOfSlot(asked, slot);
    }

    /**
     * Waits until every running node names a primary other than {@code old} for {@code key}'s slot, and the cluster
     * is {@code ok} again.
     *
     * @return the promoted primary
     */
    public RedisServer awaitFailover(String key, RedisServer old, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String view = "";
        while (System.nanoTime() < deadline) {
            try {
                RedisServer asked = anyRunning();
                view = asked.command("CLUSTER", "NODES");
                RedisServer promoted = primaryOf(key);
                // the promoted replica has taken the slot over in its own view too
                if (promoted != old && primaryOfSlot(promoted, slot(promoted, key)) == promoted) {
                    awaitOk(nodes.stream().filter(RedisServer::running).toList(),
                            Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                    return promoted;
                }
            } catch (IllegalStateException e) {
                // a node is between views: ask again
            }
            RedisServer.pause(20);
        }
        throw new IllegalStateException("no replica took over the slot of " + key + " within " + timeout
                + "; the cluster as a running node saw it:\n" + view);
    }

    /** Waits until the replicas of {@code key}'s primary have everything it wrote so far (replication offsets equal). */
    public void awaitReplicated(String key, Duration timeout) {
        RedisServer primary = primaryOf(key);
        String id = primary.command("CLUSTER", "MYID");
        long written = Long.parseLong(primary.info("replication", "master_repl_offset"));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String line : primary.command("CLUSTER", "NODES").lines().toList()) {
            String[] fields = line.split(" ");
            if (fields.length < 4 || !fields[3].equals(id) || fields[2].contains("fail")) {
                continue; // not one of its replicas, or a dead one
            }
            int port = Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1, fields[1].indexOf('@')));
            RedisServer replica = nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
            while (Long.parseLong(replica.info("replication", "slave_repl_offset")) < written) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica on port " + port + " did not catch up within "
                            + timeout);
                }
                RedisServer.pause(10);
            }
        }
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::stop);
    }

    private static int slot(RedisServer node, String key) {
        return Integer.parseInt(node.command("CLUSTER", "KEYSLOT", key));
    }

    private RedisServer primaryOfSlot(RedisServer asked, int slot) {
        for (String line : asked.command("CLUSTER", "NODES").lines().toList()) {
            String[] fields = line.split(" ");
            if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                if (range[0].startsWith("[")) {
                    continue; // a slot being migrated
                }
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (from <= slot && slot <= to) {
                    int port = Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1,
                            fields[1].indexOf('@')));
                    return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
                }
            }
        }
        throw new IllegalStateException("no primary serves slot " + slot + " as the node on port " + asked.port()
                + " sees it");
    }

    private RedisServer anyRunning() {
        return nodes.stream().filter(RedisServer::running).findFirst()
                .orElseThrow(() -> new IllegalStateException("every cluster node is stopped"));
    }

    private void awaitOk(List<RedisServer> among, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean ok = true;
            for (RedisServer node : among) {
                last = node.command("CLUSTER", "INFO");
                ok &= last.contains("cluster_state:ok");
            }
            if (ok) {
                return;
            }
            RedisServer.pause(50);
        }
        throw new IllegalStateException("the cluster is not ok after " + timeout + ": " + last);
    }

    /** {@code redis-cli}, beside {@code redis-server}; a clear failure (never a skip) when it is missing. */
    private static Path redisCli() {
        Path cli = RedisServer.binary().resolveSibling("redis-cli");
        if (!Files.isExecutable(cli)) {
            throw new IllegalStateException("redis-cli is not installed, and the cluster tests need it to make a"
                    + " cluster: install it with `apt-get install -y redis-tools` (bin/test and .ci/run do this)");
        }
        return cli;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-cli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a cluster", e);
        }
    }
}
