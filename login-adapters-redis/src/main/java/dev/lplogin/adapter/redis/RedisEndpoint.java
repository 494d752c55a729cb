package dev.lplogin.adapter.redis;

import dev.lplogin.domain.model.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a Redis deployment is and who to be there. Three shapes, each plaintext or TLS ({@code s} after
 * {@code redis}):
 * <ul>
 *   <li>one node: {@code redis://[user[:password]@]host[:port][/db]} or {@code rediss://…};
 *   <li>a primary with replicas behind Sentinel: {@code redis-sentinel://[user[:password]@]host[:port][,host[:port]…][/db]#master}
 *       or {@code rediss-sentinel://…}, naming the sentinels (default port 26379) and, after {@code #}, the name
 *       they monitor the primary under;
 *   <li>Redis Cluster: {@code redis-cluster://[user[:password]@]host[:port][,host[:port]…]} or
 *       {@code rediss-cluster://…}, naming some of its nodes (the rest are discovered); a cluster has database 0 only.
 * </ul>
 * User and password may be percent-encoded; they are the data nodes' (sentinels are asked without credentials). A
 * user without a password authenticates with the password given separately (e.g. from {@code LP_REDIS_PASSWORD}); a
 * password without a user is the {@code default} user's.
 *
 * <p>Immutable. {@link #toString()} is the URL without its password, safe to log; parse errors never echo the input,
 * since it may hold a password.
 *
 * @param topology which of the three shapes
 * @param tls      whether to connect with TLS
 * @param user     the Redis ACL user, if not the default one
 * @param password the password from the URL, if it held one
 * @param nodes    the node (one node), the sentinels, or the cluster's seed nodes: at least one
 * @param database the logical database number (default 0; always 0 for a cluster)
 */
public record RedisEndpoint(Topology topology, boolean tls, Optional<String> user, Optional<Secret> password,
                            List<Node> nodes, int database) {

    /** Redis's port when a URL names none. */
    public static final int DEFAULT_PORT = 6379;
    /** Sentinel's port when a {@code redis-sentinel://} URL names none. */
    public static final int DEFAULT_SENTINEL_PORT = 26_379;

    private static final String HOST = "(?:\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::[0-9]{1,5})?";
    private static final Pattern URL = Pattern.compile(
            "(?<scheme>rediss?(?:-sentinel|-cluster)?)://(?:(?<userinfo>[^@/\\s#]*)@)?(?<nodes>" + HOST + "(?:,"
                    + HOST + ")*)(?:/(?<db>[0-9]{0,6}))?/?(?:#(?<master>[A-Za-z0-9._-]+))?");
    private static final Pattern NODE = Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::(?<port>[0-9]+))?");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final Pattern REDIS_SCHEME = Pattern.compile("rediss?(-sentinel|-cluster)?://.*", Pattern.DOTALL);
    private static final String FORM = "redis://[user@]host[:port][/db], redis-sentinel://[user@]host[:port][,host"
            + "[:port]...][/db]#master or redis-cluster://[user@]host[:port][,host[:port]...] (rediss…:// for TLS)";

    /** The shape of a Redis deployment. */
    public sealed interface Topology {
        /** The URL scheme's part after {@code redis}/{@code rediss}: empty, {@code -sentinel} or {@code -cluster}. */
        String schemeSuffix();
    }

    /** One Redis node (it may have replicas, but the store only ever talks to this node). */
    public record Standalone() implements Topology {
        @Override
        public String schemeSuffix() {
            return "";
        }
    }

    /**
     * A primary with replicas, watched by sentinels that promote a replica when the primary fails.
     *
     * @param master the name the sentinels monitor the primary under ({@code sentinel monitor <master> …})
     */
    public record Sentinel(String master) implements Topology {
        public Sentinel {
            Objects.requireNonNull(master, "master");
            if (master.isBlank()) {
                throw new IllegalArgumentException("the Sentinel master name is blank");
            }
        }

        @Override
        public String schemeSuffix() {
            return "-sentinel";
        }
    }

    /** Redis Cluster: keys sharded over primaries by hash slot, each primary with its replicas. */
    public record Cluster() implements Topology {
        @Override
        public String schemeSuffix() {
            return "-cluster";
        }
    }

    /**
     * One host and port.
     *
     * @param host a host name or IP address (IPv6 without brackets)
     * @param port the TCP port, 1–65535
     */
    public record Node(String host, int port) {
        public Node {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("the Redis host is blank");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("the Redis port must be 1-65535, got " + port);
            }
        }

        /** {@code host:port}, with brackets around an IPv6 address. */
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public RedisEndpoint {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(user, "user (use Optional.empty())");
        Objects.requireNonNull(password, "password (use Optional.empty())");
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no Redis node named");
        }
        if (topology instanceof Standalone && nodes.size() > 1) {
            throw new IllegalArgumentException("one Redis node takes one host; name several for Sentinel"
                    + " (redis-sentinel://) or Cluster (redis-cluster://)");
        }
        if (database < 0) {
            throw new IllegalArgumentException("the Redis database must be >= 0, got " + database);
        }
        if (topology instanceof Cluster && database != 0) {
            throw new IllegalArgumentException("a Redis Cluster has database 0 only, got " + database);
        }
        user.ifPresent(u -> {
            if (u.isEmpty()) {
                throw new IllegalArgumentException("the Redis user is empty");
            }
        });
    }

    /** One node at {@code host:port}, database 0, no credentials, plaintext. */
    public static RedisEndpoint standalone(String host, int port) {
        return new RedisEndpoint(new Standalone(), false, Optional.empty(), Optional.empty(),
                List.of(new Node(host, port)), 0);
    }

    /** Whether {@code value} looks like a URL ({@code scheme://…}) rather than a path: then it must be a Redis URL. */
    public static boolean looksLikeUrl(String value) {
        return SCHEME.matcher(Objects.requireNonNull(value, "value")).matches();
    }

    /** Whether {@code value} is a URL of one of the six Redis schemes (well-formed or not). */
    public static boolean isRedisUrl(String value) {
        return REDIS_SCHEME.matcher(Objects.requireNonNull(value, "value").toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * The endpoint of a Redis URL (see the class comment for the forms).
     *
     * @throws IllegalArgumentException if it is not one; the message names the expected forms, never the input
     */
    public static RedisEndpoint parse(String url) {
        Objects.requireNonNull(url, "url");
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(isRedisUrl(url.strip())
                    ? "not a valid Redis URL; expected " + FORM
                    : "not a Redis URL (redis://, rediss://, redis-sentinel:// or redis-cluster://); expected "
                            + FORM);
        }
        String scheme = m.group("scheme");
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        String userinfo = m.group("userinfo");
        if (userinfo != null) {
            int colon = userinfo.indexOf(':');
            String name = colon < 0 ? userinfo : userinfo.substring(0, colon);
            user = name.isEmpty() ? Optional.empty() : Optional.of(percentDecode(name, "user"));
            if (colon >= 0 && colon + 1 < userinfo.length()) {
                password = Optional.of(Secret.of(percentDecode(userinfo.substring(colon + 1), "password")));
            }
            if (user.isEmpty() && password.isEmpty()) {
                throw new IllegalArgumentException("not a valid Redis URL: an empty user before '@'; expected " + FORM);
            }
        }
        String master = m.group("master");
        Topology topology;
        if (scheme.endsWith("-sentinel")) {
            if (master == null) {
                throw new IllegalArgumentException("not a valid Redis URL: a redis-sentinel:// URL ends with"
                        + " #<master name>; expected " + FORM);
            }
            topology = new Sentinel(master);
        } else if (master != null) {
            throw new IllegalArgumentException("not a valid Redis URL: only a redis-sentinel:// URL names a master"
                    + " after '#'; expected " + FORM);
        } else {
            topology = scheme.endsWith("-cluster") ? new Cluster() : new Standalone();
        }
        String db = m.group("db");
        try {
            int defaultPort = topology instanceof Sentinel ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT;
            List<Node> nodes = new ArrayList<>();
            for (String node : m.group("nodes").split(",")) {
                nodes.add(node(node, defaultPort));
            }
            int database = db == null || db.isEmpty() ? 0 : Integer.parseInt(db);
            return new RedisEndpoint(topology, scheme.startsWith("rediss"), user, password, nodes, database);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid Redis URL: " + e.getMessage() + "; expected " + FORM, e);
        }
    }

    /** The same endpoint with {@code password} (replacing one from the URL). */
    public RedisEndpoint withPassword(Secret newPassword) {
        return new RedisEndpoint(topology, tls, user, Optional.of(Objects.requireNonNull(newPassword, "password")),
                nodes, database);
    }

    /** The same endpoint without a password, e.g. to show it. */
    public RedisEndpoint withoutPassword() {
        return new RedisEndpoint(topology, tls, user, Optional.empty(), nodes, database);
    }

    /** The URL without the password, e.g. {@code redis-sentinel://user@h1:26379,h2:26379/0#primary}. */
    @Override
    public String toString() {
        String hosts = nodes.stream().map(Node::toString).collect(Collectors.joining(","));
        return "redis" + (tls ? "s" : "") + topology.schemeSuffix() + "://" + user.map(u -> u + "@").orElse("")
                + hosts + (topology instanceof Cluster ? "" : "/" + database)
                + (topology instanceof Sentinel sentinel ? "#" + sentinel.master() : "");
    }

    private static Node node(String text, int defaultPort) {
        Matcher m = NODE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a bad host");
        }
        String host = m.group("host");
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Node(host, m.group("port") == null ? defaultPort : Integer.parseInt(m.group("port")));
    }

    private static String percentDecode(String text, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            int percent = text.indexOf('%', i);
            int end = percent < 0 ? text.length() : percent;
            bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (percent < 0) {
                break;
            }
            int high = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(percent + 2), 16);
            if (low < 0) {
                throw new IllegalArgumentException("not a valid Redis URL: a bad %-escape in the " + what
                        + "; expected " + FORM);
            }
            bytes.write(high * 16 + low);
            i = percent + 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
