package dev.lplogin.adapter.redis;

import dev.lplogin.domain.port.StoreException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * The store's two Lettuce connections to one Redis deployment — one shared, thread-safe connection for commands and
 * scripts (no pool: Lettuce multiplexes), and one for pub/sub — opened lazily, reconnected by Lettuce, and every
 * Lettuce failure translated into a {@link StoreException} that names the Redis and never a secret.
 *
 * <p>The three {@linkplain RedisEndpoint.Topology shapes}: one node; Sentinel, where every (re)connect asks the
 * sentinels for the current primary, so that a failover is followed without a restart; Cluster, where Lettuce routes
 * each command (each script, by its first key) to the primary of its slot, and refreshes its view of the cluster when
 * a node stops answering, a redirection ({@code MOVED}/{@code ASK}) comes back, and every
 * {@value #TOPOLOGY_REFRESH_SECONDS} s.
 *
 * <p>While disconnected, commands are rejected at once instead of queued: a store that is down must fail fast so that
 * the core serves what it holds in memory. (In a cluster, a command routed to a node that is down waits for the
 * command timeout at most: Lettuce connects to cluster nodes lazily, on the first command for each.)
 */
final class RedisLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());
    // after a failed connect, callers fail fast for this long instead of each waiting for the connect timeout
    private static final long RECONNECT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int MAX_DETAIL = 160;
    private static final int TOPOLOGY_REFRESH_SECONDS = 30;

    private final RedisEndpoint endpoint;
    private final ClientResources resources;
    private final Client client;
    private final Object lock = new Object();
    private volatile StatefulConnection<String, String> connection;
    private volatile RedisClusterCommands<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private long lastFailureNanos;
    private String lastFailure; // the message of the last failed connect, while callers fail fast
    private boolean lastFailureRetryable;
    private boolean closed;

    RedisLink(RedisStoreSettings settings) {
        this.endpoint = settings.endpoint();
        // small pools: one connection for commands and one for pub/sub need few event-loop threads
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                // reconnect attempts back off to at most 1 s (Lettuce's default grows to 30 s), so that replicas use
                // a Redis that is back, or a promoted replica, within a second or so
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = endpoint.topology() instanceof RedisEndpoint.Cluster
                ? new ClusterClient(RedisClusterClient.create(resources, uris(settings)), settings)
                : new NodeClient(RedisClient.create(resources, uris(settings).getFirst()), settings);
    }

    /** Lettuce's client for one node (or Sentinel) or for a cluster; they share no interface for connecting. */
    private sealed interface Client permits NodeClient, ClusterClient {
        StatefulConnection<String, String> connect();

        RedisClusterCommands<String, String> sync(StatefulConnection<String, String> connection);

        StatefulRedisPubSubConnection<String, String> connectPubSub();

        AbstractRedisClient lettuce();
    }

    private record NodeClient(RedisClient lettuce) implements Client {
        NodeClient(RedisClient lettuce, RedisStoreSettings settings) {
            this(lettuce);
            lettuce.setOptions(options(ClientOptions.builder(), settings).build());
        }

        @Override
        public StatefulConnection<String, String> connect() {
            return lettuce.connect(StringCodec.UTF8);
        }

        @Override
        public RedisClusterCommands<String, String> sync(StatefulConnection<String, String> connection) {
            return ((StatefulRedisConnection<String, String>) connection).sync();
        }

        @Override
        public StatefulRedisPubSubConnection<String, String> connectPubSub() {
            return lettuce.connectPubSub(StringCodec.UTF8);
        }
    }

    private record ClusterClient(RedisClusterClient lettuce) implements Client {
        ClusterClient(RedisClusterClient lettuce, RedisStoreSettings settings) {
            this(lettuce);
            ClusterClientOptions.Builder options = ClusterClientOptions.builder()
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            // a failover shows as a node that stops answering (reconnect attempts), then as MOVED
                            // answers from the nodes that know the new primary: both refresh the view at once
                            .enableAdaptiveRefreshTrigger(RefreshTrigger.MOVED_REDIRECT, RefreshTrigger.ASK_REDIRECT,
                                    RefreshTrigger.PERSISTENT_RECONNECTS, RefreshTrigger.UNCOVERED_SLOT,
                                    RefreshTrigger.UNKNOWN_NODE)
                            .refreshTriggersReconnectAttempts(1)
                            .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                            .enablePeriodicRefresh(Duration.ofSeconds(TOPOLOGY_REFRESH_SECONDS))
                            .build());
            options(options, settings)
                    // Lettuce connects to each cluster node lazily, on the first command routed to it: rejecting
                    // commands while disconnected would fail that first command. A node that is down holds its
                    // commands for the command timeout at most instead.
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS);
            lettuce.setOptions(options.build());
        }

        @Override
        public StatefulConnection<String, String> connect() {
            return lettuce.connect(StringCodec.UTF8);
        }

        @Override
        public RedisClusterCommands<String, String> sync(StatefulConnection<String, String> connection) {
            return ((StatefulRedisClusterConnection<String, String>) connection).sync();
        }

        @Override
        public StatefulRedisPubSubConnection<String, String> connectPubSub() {
            // classic pub/sub: the cluster bus carries a PUBLISH to every node, so any node serves the subscriber
            return lettuce.connectPubSub(StringCodec.UTF8);
        }
    }

    private static ClientOptions.Builder options(ClientOptions.Builder options, RedisStoreSettings settings) {
        options.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()));
        if (settings.endpoint().tls()) {
            SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
            settings.caCert().ifPresent(pem -> ssl.trustManager(pem.toFile()));
            options.sslOptions(ssl.build());
        }
        return options;
    }

    /** Runs {@code command} on the shared connection; {@code what} names the operation in errors. */
    <T> T call(String what, Function<RedisClusterCommands<String, String>, T> command) {
        RedisClusterCommands<String, String> commands = commands();
        try {
            return command.apply(commands);
        } catch (RedisException | IllegalStateException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code script} by its SHA, loading it with EVAL when Redis does not know it (NOSCRIPT). */
    <T> T run(Script script, ScriptOutputType type, String[] keys, String... args) {
        return call(script.name(), commands -> {
            try {
                return commands.<T>evalsha(script.sha(), type, keys, args);
            } catch (RedisNoScriptException e) {
                // a restarted or failed-over Redis has an empty script cache: EVAL caches it again
                return commands.<T>eval(script.source(), type, keys, args);
            }
        });
    }

    /**
     * Subscribes {@code onMessage} to {@code channel} on the pub/sub connection, if not yet done. Failing is only
     * logged: notices are an optimisation (readers also re-read the store), and the next call tries again.
     */
    void subscribeOnce(String channel, BiConsumer<String, String> onMessage) {
        if (pubSub != null) {
            return;
        }
        synchronized (lock) {
            if (pubSub != null || closed) {
                return;
            }
            try {
                StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
                subscriber.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String ch, String message) {
                        onMessage.accept(ch, message);
                    }
                });
                // Lettuce subscribes again by itself after a reconnect
                subscriber.sync().subscribe(channel);
                pubSub = subscriber;
            } catch (RedisException e) {
                LOG.log(Level.WARNING, "could not subscribe to the session notices of " + endpoint
                        + " (" + describe(e) + "); replicas then learn of new sessions at their next keep-alive");
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        try {
            if (pubSub != null) {
                pubSub.close();
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            client.lettuce().shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Opens the shared connection now if it is not open yet (otherwise nothing). */
    void connect() {
        commands();
    }

    private RedisClusterCommands<String, String> commands() {
        RedisClusterCommands<String, String> open = commands;
        if (open != null) {
            return open;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the Redis store is closed");
            }
            if (connection == null) {
                if (lastFailure != null && System.nanoTime() - lastFailureNanos < RECONNECT_PAUSE_NANOS) {
                    throw new StoreException(lastFailure, null, lastFailureRetryable);
                }
                try {
                    connection = connectOnce();
                    commands = client.sync(connection);
                    lastFailure = null;
                } catch (RedisException e) {
                    StoreException failure = failure("connect", e);
                    lastFailure = failureMessage("connect", e);
                    lastFailureRetryable = failure.retryable();
                    lastFailureNanos = System.nanoTime();
                    throw failure;
                }
            }
            return commands;
        }
    }

    /**
     * Opens the connection. A server that refuses the handshake (a wrong password, say) answers with an error and
     * then closes; under load Lettuce sometimes sees the close before the answer and reports only "connection closed
     * prematurely", which would make a refusal look retryable. One immediate second attempt shows the real answer.
     */
    private StatefulConnection<String, String> connectOnce() {
        try {
            return client.connect();
        } catch (RedisException e) {
            if (!describe(e).toLowerCase(Locale.ROOT).contains("closed prematurely")) {
                throw e;
            }
            return client.connect();
        }
    }

    /** The Lettuce failure as a {@link StoreException}: authorisation and usage errors need a person, not a retry. */
    private StoreException failure(String what, RuntimeException e) {
        return new StoreException(failureMessage(what, e), e, !needsPerson(describe(e)));
    }

    private String failureMessage(String what, RuntimeException e) {
        String detail = describe(e);
        return "Redis at " + endpoint + (needsPerson(detail) ? " refused the " + what + ": " + detail
                : " is unavailable (" + what + ": " + detail + ")");
    }

    private static boolean needsPerson(String detail) {
        return detail.startsWith("NOPERM") || detail.startsWith("WRONGPASS") || detail.startsWith("NOAUTH")
                || detail.startsWith("ERR") || detail.startsWith("WRONGTYPE") || detail.startsWith("TLS");
    }

    /** A short description of a Lettuce failure, from its root cause: no stack, no class names, no secrets. */
    static String describe(Throwable e) {
        String detail = null;
        Throwable root = e;
        for (Throwable t = e; t != null && detail == null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            detail = switch (t) {
                // the server's own error line (NOPERM, WRONGPASS, LOADING, ...) is the most precise description
                case RedisCommandExecutionException server -> String.valueOf(server.getMessage());
                case RedisCommandTimeoutException timeout -> "no answer in time";
                case SSLException tls -> "TLS handshake failed (" + rootMessage(tls) + ")";
                case ConnectException refused -> "connection refused";
                case UnknownHostException unknown -> "unknown host";
                case ClosedChannelException closed -> "connection closed";
                default -> null;
            };
        }
        if (detail == null) {
            String message = String.valueOf(root.getMessage());
            detail = message.toLowerCase(Locale.ROOT).contains("not connected") ? "not connected"
                    : e instanceof RedisConnectionException ? "cannot connect: " + message : message;
        }
        detail = detail.replaceAll("[\\r\\n]+", " ").strip();
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /**
     * The Lettuce URIs of the endpoint: the node's; one Sentinel URI naming every sentinel and the master; or one per
     * cluster seed node.
     */
    static List<RedisURI> uris(RedisStoreSettings settings) {
        RedisEndpoint endpoint = settings.endpoint();
        if (endpoint.topology() instanceof RedisEndpoint.Sentinel sentinel) {
            RedisURI.Builder uri = RedisURI.builder().withSentinelMasterId(sentinel.master());
            for (RedisEndpoint.Node node : endpoint.nodes()) {
                // sentinels are asked without credentials, over TLS when the data nodes are
                RedisURI.Builder sentinelUri = RedisURI.builder().withHost(node.host()).withPort(node.port())
                        .withTimeout(settings.connectTimeout());
                if (endpoint.tls()) {
                    sentinelUri.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
                }
                uri.withSentinel(sentinelUri.build());
            }
            return List.of(dataNode(uri, settings));
        }
        return endpoint.nodes().stream()
                .map(node -> dataNode(RedisURI.builder().withHost(node.host()).withPort(node.port()), settings))
                .toList();
    }

    private static RedisURI dataNode(RedisURI.Builder uri, RedisStoreSettings settings) {
        RedisEndpoint endpoint = settings.endpoint();
        uri.withDatabase(endpoint.database()).withTimeout(settings.commandTimeout()).withClientName("lp-login");
        if (endpoint.tls()) {
            uri.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
        }
        char[] password = endpoint.password().map(p -> p.reveal().toCharArray()).orElse(new char[0]);
        if (endpoint.user().isPresent()) {
            // an ACL user without a password may be a "nopass" user, which accepts any
            uri.withAuthentication(endpoint.user().get(), password);
        } else if (password.length > 0) {
            uri.withPassword(password);
        }
        return uri.build();
    }
}
