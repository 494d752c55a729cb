package dev.lplogin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, with no persistence, in its own temporary
 * directory: nothing of it touches a system Redis service, which may run beside it on 6379. Can be stopped (like a
 * crash) and started again on the same port, for outage tests. Plaintext, or TLS-only with a certificate for
 * 127.0.0.1 and localhost. {@code KEYS} is disabled, so a store that used it fails its tests.
 *
 * <p>There is no skip: when {@code redis-server} is missing, starting fails and says how to install it ({@code bin/test}
 * and CI install it first). Most tests share one server through {@link RedisServerExtension}.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path directory;
    private final int port;
    private final Optional<Tls> tls;
    private final List<String> role;
    private Process process;
    private boolean hookAdded;

    /**
     * The TLS material of a TLS server: its certificate (PEM) is what clients trust.
     *
     * @param certificate the server's self-signed certificate, PEM
     * @param privateKey  its private key, PEM (PKCS#8)
     */
    public record Tls(Path certificate, Path privateKey) {
    }

    private RedisServer(Path directory, int port, Optional<Tls> tls, List<String> role) {
        this.directory = directory;
        this.port = port;
        this.tls = tls;
        this.role = List.copyOf(role);
    }

    /** A plaintext server on a free port, started. */
    public static RedisServer start() {
        return start(Optional.empty());
    }

    /** A TLS-only server on a free port, with a fresh self-signed certificate for 127.0.0.1 and localhost. */
    public static RedisServer startTls() {
        try {
            Path directory = Files.createTempDirectory("lp-redis-tls");
            return start(directory, Optional.of(TestCertificates.selfSigned(directory)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for redis-server", e);
        }
    }

    /** A plaintext server on a free port, replicating {@code primary}, started (not yet in sync: see {@link #awaitInSync}). */
    public static RedisServer startReplicaOf(RedisServer primary) {
        return start(Optional.empty(), List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
    }

    /**
     * A plaintext cluster node on a free port, started, not yet part of a cluster ({@link RedisCluster} makes one):
     * a node that loses its primary for a second is taken as failed, and a cluster serves the slots it still covers.
     */
    public static RedisServer startClusterNode() {
        // the bus port defaults to port + 10000, which is past 65535 for many ephemeral ports
        return start(Optional.empty(), List.of("--cluster-enabled", "yes", "--cluster-port",
                Integer.toString(freePort()), "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "1000", "--cluster-require-full-coverage", "no",
                // a replica fails over however long its link was down (a busy test machine stalls processes)
                "--cluster-replica-validity-factor", "0"));
    }

    /**
     * A sentinel on a free port watching {@code primary} under the name {@code master}, started. It takes the
     * primary as down after one second without an answer, and {@code quorum} sentinels must agree before a failover.
     */
    public static RedisServer startSentinel(RedisServer primary, String master, int quorum) {
        try {
            Path directory = Files.createTempDirectory("lp-sentinel");
            Path config = directory.resolve("sentinel.conf");
            Files.writeString(config, String.join("\n",
                    "sentinel monitor " + master + " 127.0.0.1 " + primary.port() + " " + quorum,
                    "sentinel down-after-milliseconds " + master + " 1000",
                    "sentinel failover-timeout " + master + " 5000",
                    "sentinel parallel-syncs " + master + " 1", ""));
            // the configuration file comes first, and sentinel mode rewrites it: one file per sentinel
            return start(directory, Optional.empty(), List.of(config.toString(), "--sentinel"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a sentinel configuration", e);
        }
    }

    private static RedisServer start(Optional<Tls> tls) {
        return start(tls, List.of());
    }

    private static RedisServer start(Optional<Tls> tls, List<String> role) {
        try {
            return start(Files.createTempDirectory("lp-redis"), tls, role);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for redis-server", e);
        }
    }

    private static RedisServer start(Path directory, Optional<Tls> tls) {
        return start(directory, tls, List.of());
    }

    private static RedisServer start(Path directory, Optional<Tls> tls, List<String> role) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            RedisServer server = new RedisServer(directory, freePort(), tls, role);
            try {
                server.startProcess();
                return server;
            } catch (IllegalStateException e) {
                last = e; // most likely the port was taken between probing and binding: try another
                server.stop();
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    public Optional<Tls> tls() {
        return tls;
    }

    /** The URL of this server for a store, {@code redis://127.0.0.1:port} (or {@code rediss://}). */
    public String url() {
        return (tls.isPresent() ? "rediss://" : "redis://") + "127.0.0.1:" + port;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the server at once (SIGKILL: like a crash, and no chance to save anything). */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Freezes the process (SIGSTOP) until {@link #resume}: it neither answers nor reads what its primary sends, like
     * a host that stalls. For tests that make a replica miss writes.
     */
    public void suspend() {
        signal("STOP");
    }

    /** Lets a {@link #suspend suspended} process run again (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    /** The value of {@code field} in {@code INFO section}, e.g. {@code info("replication", "role")}. */
    public String info(String section, String field) {
        return command("INFO", section).lines().filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + field + " in INFO " + section));
    }

    /** Waits until this replica has a link up with its primary and has loaded its data. */
    public void awaitInSync(Duration timeout) {
        awaitInfo("replication", "master_link_status:up", timeout);
    }

    /**
     * Waits until {@code INFO section} holds the line {@code expected}, e.g. {@code role:master} after a promotion.
     *
     * @throws IllegalStateException if it does not within {@code timeout}
     */
    public void awaitInfo(String section, String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String info = "";
        while (System.nanoTime() < deadline) {
            try {
                info = command("INFO", section);
                if (info.lines().anyMatch(expected::equals)) {
                    return;
                }
            } catch (IllegalStateException e) {
                info = e.getMessage();
            }
            pause(50);
        }
        throw new IllegalStateException("redis-server on port " + port + " has no '" + expected + "' in INFO "
                + section + " after " + timeout + ": " + info);
    }

    /** Starts the server again on the same port, empty (it kept nothing: no persistence). */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    /**
     * Sends one command and returns the reply as text (simple strings, integers and bulk strings; arrays joined by
     * newlines). For test set-up (ACL users) and assertions; the store under test always speaks through Lettuce.
     */
    public String command(String... args) {
        return commandIn(0, args);
    }

    /** {@link #command} in logical database {@code database}. */
    public String commandIn(int database, String... args) {
        if (tls.isPresent()) {
            throw new UnsupportedOperationException("command() speaks plaintext; use a store to reach a TLS server");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (database != 0) {
                send(out, "SELECT", Integer.toString(database));
                readReply(in);
            }
            send(out, args);
            return readReply(in);
        } catch (IOException e) {
            throw new IllegalStateException("redis-server on port " + port + " did not answer " + args[0], e);
        }
    }

    private static void send(OutputStream out, String... args) throws IOException {
        StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(arg).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() {
        Path binary = binary();
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        // a sentinel's configuration file must be the first argument
        command.addAll(role);
        command.addAll(List.of("--bind", "127.0.0.1", "--dir", directory.toString(),
                "--daemonize", "no", "--logfile", directory.resolve("redis.log").toString()));
        if (!role.contains("--sentinel")) {
            command.addAll(List.of("--save", "", "--appendonly", "no", "--databases", "4",
                    // KEYS blocks a production Redis: disabled here, so a store that used it would fail every list test
                    "--rename-command", "KEYS", ""));
        }
        if (tls.isPresent()) {
            command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port),
                    "--tls-cert-file", tls.get().certificate().toString(),
                    "--tls-key-file", tls.get().privateKey().toString(),
                    "--tls-ca-cert-file", tls.get().certificate().toString(),
                    "--tls-auth-clients", "no"));
        } else {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.out").toFile()).start();
            if (!hookAdded) {
                // a test JVM that dies must not leave redis-servers behind
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop redis-server"));
                hookAdded = true;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary, e);
        }
        awaitListening();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (tls.isPresent() || command("PING").equals("PONG")) {
                    return;
                }
            } catch (IOException | IllegalStateException e) {
                // not listening yet, or still loading
            }
            pause(20);
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within " + START_TIMEOUT
                + ": " + log());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private String log() {
        try {
            Path logFile = directory.resolve("redis.log");
            String text = Files.exists(logFile) ? Files.readString(logFile) : "";
            return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code redis-server} from the PATH or Debian's place; a clear failure (never a skip) when it is missing. */
    public static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/bin:/usr/local/bin:/usr/sbin").split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("redis-server is not installed, and the Redis store's tests run against a"
                + " real one: install it with `apt-get install -y redis-server` (bin/test and .ci/run do this)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private static String readReply(InputStream in) throws IOException {
        String line = readLine(in);
        char type = line.charAt(0);
        String rest = line.substring(1);
        return switch (type) {
            case '+', ':' -> rest;
            case '-' -> throw new IllegalStateException("redis: " + rest);
            case '$' -> {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    yield "";
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(rest);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(readReply(in));
                }
                yield String.join("\n", items);
            }
            default -> throw new IllegalStateException("unexpected reply " + line);
        };
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("connection closed");
    }
}
