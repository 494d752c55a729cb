package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the HTTP adapters can be tuned with: where the Domain API is, timeouts, LivePerson's retry policy
 * (spec §3.4), the lookup cache (spec §2) and TLS trust. A plain value: no HTTP or Failsafe type appears here, so
 * callers configure the adapters without knowing their libraries, and tests set every delay to milliseconds.
 *
 * <p>Built with {@link #builder()} (or {@link #defaults()} when nothing changes); {@link #toBuilder()} starts from
 * existing settings. Every setting has a documented default, so a builder sets only what differs:
 * <pre>{@code
 * HttpSettings settings = HttpSettings.builder()
 *         .csdsBaseUrl(URI.create("http://127.0.0.1:8080"))
 *         .retryDelays(List.of())
 *         .build();
 * }</pre>
 * Each builder method checks its value at once and throws {@link IllegalArgumentException} (or
 * {@link NullPointerException} for a null) with a message that names the setting, so the line that is wrong is the
 * line in the stack trace.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpSettings {

    /** LivePerson's Domain API (spec §2). */
    public static final URI DEFAULT_CSDS_BASE_URL = URI.create("https://api.liveperson.net");

    /** The default of {@link Builder#idleConnectionTimeout(Duration)}. */
    public static final Duration DEFAULT_IDLE_CONNECTION_TIMEOUT = Duration.ofMinutes(5);

    /** The default of {@link Builder#maxConnections(int)}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    private static final HttpSettings DEFAULTS = new Builder().build();

    private final URI csdsBaseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final List<Duration> retryDelays;
    private final Duration loginRateLimitFloor;
    private final Duration otherRateLimitFloor;
    private final Duration rateLimitBudget;
    private final Duration cacheTtl;
    private final Duration staleIfErrorFor;
    private final Duration staleWhileRevalidateFor;
    private final Map<ServiceName, ServiceHost> overrides;
    private final Optional<Path> extraTrustedCertificate;
    private final String userAgent;
    private final int maxBodyBytes;
    private final int maxConnections;
    private final int clientThreads;
    private final Optional<EnvironmentProxy> environmentProxy;
    private final Optional<Duration> idleConnectionTimeout;

    private HttpSettings(Builder b) {
        this.csdsBaseUrl = b.csdsBaseUrl;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.retryDelays = b.retryDelays;
        this.loginRateLimitFloor = b.loginRateLimitFloor;
        this.otherRateLimitFloor = b.otherRateLimitFloor;
        this.rateLimitBudget = b.rateLimitBudget;
        this.cacheTtl = b.cacheTtl;
        this.staleIfErrorFor = b.staleIfErrorFor;
        this.staleWhileRevalidateFor = b.staleWhileRevalidateFor;
        this.overrides = b.overrides;
        this.extraTrustedCertificate = b.extraTrustedCertificate;
        this.userAgent = b.userAgent;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxConnections = b.maxConnections;
        this.clientThreads = b.clientThreads;
        this.environmentProxy = b.environmentProxy;
        this.idleConnectionTimeout = b.idleConnectionTimeout;
    }

    /** Every setting at its default: LivePerson's Domain API and retry policy, a 10-minute cache, the JVM's trust. */
    public static HttpSettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding every default; set only what differs. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive others from them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The Domain API base URL, without a trailing slash. */
    public URI csdsBaseUrl() {
        return csdsBaseUrl;
    }

    /** How long to wait for a TCP (and TLS) connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one attempt may take, from sending to the whole answer. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The pauses before each retry of a 5xx, connection failure or timeout; their number is the number of retries. */
    public List<Duration> retryDelays() {
        return retryDelays;
    }

    /** The least wait before retrying a login answered 429. */
    public Duration loginRateLimitFloor() {
        return loginRateLimitFloor;
    }

    /** The least wait before retrying any other call answered 429. */
    public Duration otherRateLimitFloor() {
        return otherRateLimitFloor;
    }

    /** The most time one call may spend waiting on 429s before it reports "rate limited". */
    public Duration rateLimitBudget() {
        return rateLimitBudget;
    }

    /** How long a Domain API answer is used without asking again. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** How long after it was fetched an expired Domain API answer is still used while the Domain API is failing. */
    public Duration staleIfErrorFor() {
        return staleIfErrorFor;
    }

    /**
     * How long after it was fetched an expired Domain API answer is still served at once while a background request
     * revalidates it; {@link Duration#ZERO} means never (an expired answer is fetched again on the caller's thread).
     */
    public Duration staleWhileRevalidateFor() {
        return staleWhileRevalidateFor;
    }

    /** Service hosts that win over the Domain API on every lookup, for every account. */
    public Map<ServiceName, ServiceHost> overrides() {
        return overrides;
    }

    /** A PEM file of certificates trusted in addition to the JVM's, if any. */
    public Optional<Path> extraTrustedCertificate() {
        return extraTrustedCertificate;
    }

    /** The {@code User-Agent} header. */
    public String userAgent() {
        return userAgent;
    }

    /** The largest answer body accepted, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The most requests in flight at once on one transport, hence the most connections it keeps open. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The platform threads of the HTTP client's executor. */
    public int clientThreads() {
        return clientThreads;
    }

    /**
     * How long an idle connection is kept for the next call, when the JVM's setting is left to this transport;
     * empty when the JDK's own setting (30 s unless {@code -Djdk.httpclient.keepalive.timeout} is given) applies.
     */
    public Optional<Duration> idleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    /**
     * The proxy of {@code HTTPS_PROXY}, if {@link Builder#proxyEnvironment} named one, as {@code http://host:port}
     * (never with its credentials).
     */
    public Optional<String> environmentProxy() {
        return environmentProxy.map(EnvironmentProxy::address);
    }

    /** The parsed proxy, credentials and {@code NO_PROXY} included. */
    Optional<EnvironmentProxy> proxyFromEnvironment() {
        return environmentProxy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpSettings that && components().equals(that.components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "HttpSettings" + components();
    }

    private List<Object> components() {
        return List.of(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, staleWhileRevalidateFor, overrides,
                extraTrustedCertificate, userAgent, maxBodyBytes, maxConnections, clientThreads, environmentProxy,
                idleConnectionTimeout);
    }

    /**
     * Collects settings; starts with every default. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private URI csdsBaseUrl = DEFAULT_CSDS_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private List<Duration> retryDelays = List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
        private Duration loginRateLimitFloor = Duration.ofSeconds(5);
        private Duration otherRateLimitFloor = Duration.ofSeconds(1);
        private Duration rateLimitBudget = Duration.ofSeconds(30);
        private Duration cacheTtl = Duration.ofMinutes(10);
        private Duration staleIfErrorFor = Duration.ofHours(24);
        private Duration staleWhileRevalidateFor = Duration.ofHours(24);
        private Map<ServiceName, ServiceHost> overrides = Map.of();
        private Optional<Path> extraTrustedCertificate = Optional.empty();
        private String userAgent = UserAgent.DEFAULT;
        private int maxBodyBytes = 1024 * 1024;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int clientThreads = defaultClientThreads();
        private Optional<EnvironmentProxy> environmentProxy = Optional.empty();
        private Optional<Duration> idleConnectionTimeout = Optional.of(DEFAULT_IDLE_CONNECTION_TIMEOUT);

        private Builder() {
        }

        private Builder(HttpSettings s) {
            csdsBaseUrl = s.csdsBaseUrl;
            connectTimeout = s.connectTimeout;
            requestTimeout = s.requestTimeout;
            retryDelays = s.retryDelays;
            loginRateLimitFloor = s.loginRateLimitFloor;
            otherRateLimitFloor = s.otherRateLimitFloor;
            rateLimitBudget = s.rateLimitBudget;
            cacheTtl = s.cacheTtl;
            staleIfErrorFor = s.staleIfErrorFor;
            staleWhileRevalidateFor = s.staleWhileRevalidateFor;
            overrides = s.overrides;
            extraTrustedCertificate = s.extraTrustedCertificate;
            userAgent = s.userAgent;
            maxBodyBytes = s.maxBodyBytes;
            maxConnections = s.maxConnections;
            clientThreads = s.clientThreads;
            environmentProxy = s.environmentProxy;
            idleConnectionTimeout = s.idleConnectionTimeout;
        }

        /**
         * The Domain API base URL; default {@code https://api.liveperson.net}. Must be absolute {@code https}, or
         * plain {@code http} on a loopback host (the emulator, spec §2), with no user info, query or fragment.
         */
        public Builder csdsBaseUrl(URI url) {
            csdsBaseUrl = Endpoints.validCsdsBaseUrl(Objects.requireNonNull(url, "csdsBaseUrl"));
            return this;
        }

        /** How long to wait for a TCP (and TLS) connection; default 5 s. Positive. */
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may take, from sending to the whole answer; default 15 s. Positive. */
        public Builder requestTimeout(Duration timeout) {
            requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * The pauses before each retry of a 5xx, connection failure or timeout; their number is the number of
         * retries. Default 5 s, 10 s, 15 s (spec §3.4); {@code List.of()} disables those retries. None negative.
         */
        public Builder retryDelays(List<Duration> delays) {
            List<Duration> copy = List.copyOf(Objects.requireNonNull(delays, "retryDelays"));
            copy.forEach(d -> notNegative(d, "retryDelays"));
            retryDelays = copy;
            return this;
        }

        /** The least wait before retrying a login answered 429; default 5 s (spec §3.1). Not negative. */
        public Builder loginRateLimitFloor(Duration floor) {
            loginRateLimitFloor = notNegative(floor, "loginRateLimitFloor");
            return this;
        }

        /** The least wait before retrying any other call answered 429; default 1 s. Not negative. */
        public Builder otherRateLimitFloor(Duration floor) {
            otherRateLimitFloor = notNegative(floor, "otherRateLimitFloor");
            return this;
        }

        /**
         * The most time one call may spend waiting on 429s before it reports "rate limited"; default 30 s.
         * {@link Duration#ZERO} reports the first 429 at once. Not negative.
         */
        public Builder rateLimitBudget(Duration budget) {
            rateLimitBudget = notNegative(budget, "rateLimitBudget");
            return this;
        }

        /** How long a Domain API answer is used without asking again; default 10 min. Positive. */
        public Builder cacheTtl(Duration ttl) {
            cacheTtl = positive(ttl, "cacheTtl");
            return this;
        }

        /**
         * How long after it was fetched an expired Domain API answer is still used when fetching it again on the
         * caller's thread fails (5xx, network, timeout, 429 past the budget); default 24 h (spec §2). That fetch
         * happens only once an answer is older than {@link #staleWhileRevalidateFor}. Not negative.
         */
        public Builder staleIfErrorFor(Duration period) {
            staleIfErrorFor = notNegative(period, "staleIfErrorFor");
            return this;
        }

        /**
         * How long after it was fetched an expired Domain API answer is still served at once, while one background
         * request per account revalidates it; default 24 h. This is what keeps a re-login after a long idle from
         * waiting for the Domain API: an account's login host practically never moves. {@link Duration#ZERO}
         * turns it off (an expired answer is fetched on the caller's thread, and {@link #staleIfErrorFor} alone
         * decides what is served while that fails). Not negative.
         */
        public Builder staleWhileRevalidateFor(Duration period) {
            staleWhileRevalidateFor = notNegative(period, "staleWhileRevalidateFor");
            return this;
        }

        /** Service hosts that win over the Domain API on every lookup, for every account; default none. */
        public Builder overrides(Map<ServiceName, ServiceHost> serviceHosts) {
            overrides = Map.copyOf(Objects.requireNonNull(serviceHosts, "overrides"));
            return this;
        }

        /**
         * A PEM file of certificates to trust in addition to the JVM's (e.g. the emulator's); default none. The file
         * is read when the transport is created.
         */
        public Builder extraTrustedCertificate(Path pemFile) {
            extraTrustedCertificate = Optional.of(Objects.requireNonNull(pemFile, "extraTrustedCertificate"));
            return this;
        }

        /** Trust only the JVM's certificates again (the default). */
        public Builder noExtraTrustedCertificate() {
            extraTrustedCertificate = Optional.empty();
            return this;
        }

        /** The {@code User-Agent} header; default {@code lp-login/<version> Java/<runtime>}. Printable ASCII. */
        public Builder userAgent(String agent) {
            Objects.requireNonNull(agent, "userAgent");
            if (agent.isBlank() || agent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("userAgent must be non-blank printable ASCII, e.g. lp-login/1.0");
            }
            userAgent = agent;
            return this;
        }

        /** The largest answer body accepted; default 1 MiB. At least 1024. */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + bytes);
            }
            maxBodyBytes = bytes;
            return this;
        }

        /**
         * The most requests one transport has in flight at once; default {@value HttpSettings#DEFAULT_MAX_CONNECTIONS}. Calls
         * beyond it wait for a free slot before they are sent, and that wait does not count against
         * {@link #requestTimeout}, so a burst is queued, never timed out and retried. Over HTTP/1.1 a connection
         * carries one request at a time, so this also bounds the connections the transport opens: without it the
         * JDK client opens one connection per concurrent request (10,000 sessions refreshing at once opened
         * thousands of connections and hit connect timeouts). The default is twice the core's default background
         * concurrency (16), so background refreshes never take every slot from a caller's login; one LivePerson
         * call takes tens of milliseconds, so 32 connections carry hundreds of calls per second. 1 to 1000.
         */
        public Builder maxConnections(int connections) {
            if (connections < 1 || connections > 1000) {
                throw new IllegalArgumentException("maxConnections must be between 1 and 1000, got " + connections);
            }
            maxConnections = connections;
            return this;
        }

        /**
         * The platform threads of the HTTP client's executor; default one per available processor, at least 2. The
         * JDK client's own default executor is an unbounded cached pool (one thread per concurrent exchange at
         * worst); these threads only run the client's CPU-bound steps (TLS, parsing, delivering bodies) while the
         * callers wait on their own threads, so more threads than processors buy nothing. Idle threads end after
         * a minute. 1 to 256.
         */
        public Builder clientThreads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("clientThreads must be between 1 and 256, got " + threads);
            }
            clientThreads = threads;
            return this;
        }

        /**
         * The process environment to take an HTTPS proxy from, the way curl does: {@code https_proxy} or
         * {@code HTTPS_PROXY} ({@code http://[user:password@]host[:port]}, port 1080 if none, credentials
         * percent-encoded), and {@code no_proxy} or {@code NO_PROXY} (host names with their subdomains, IP
         * addresses, CIDR ranges, {@code *}); lower case wins. Pass {@code System.getenv()}; only those four
         * variables are read, and the proxy's credentials are never logged or shown. Default: no environment, so
         * the JVM's own proxy settings alone apply. The JVM's settings ({@code -Dhttps.proxyHost},
         * {@code -Djava.net.useSystemProxies=true}, an installed default {@link java.net.ProxySelector}) win over
         * the environment whenever they are set. Loopback hosts are proxied too unless {@code NO_PROXY} names them,
         * as with curl.
         *
         * @throws IllegalArgumentException if the proxy variable is not an {@code http://} proxy URL; the message
         *                                  names the variable, never its value
         */
        public Builder proxyEnvironment(Map<String, String> environment) {
            environmentProxy = EnvironmentProxy.from(environment);
            return this;
        }

        /**
         * How long the HTTP client keeps an idle connection for the next call; default 5 min, whole seconds, at
         * least 1 s. The JDK client closes connections idle for 30 s, so with the core's 4-minute refresh every
         * background refresh would pay a new TCP and TLS handshake; 5 minutes covers one refresh interval plus its
         * jitter, and the server may still close sooner (the client notices and reconnects).
         *
         * <p>This is the JVM-wide system property {@code jdk.httpclient.keepalive.timeout}, which the JDK reads once,
         * when the first HTTP client of the JVM is built. The transport sets it just before it builds its client,
         * and only when nobody set it: a value given with {@code -D} (or set earlier by the application, or by an
         * earlier transport) always wins, and if another HTTP client was built in this JVM before, the JDK keeps
         * the value it read then.
         */
        public Builder idleConnectionTimeout(Duration timeout) {
            positive(timeout, "idleConnectionTimeout");
            if (timeout.toSeconds() < 1 || timeout.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("idleConnectionTimeout must be whole seconds, at least 1 s, got "
                        + timeout);
            }
            idleConnectionTimeout = Optional.of(timeout);
            return this;
        }

        /** Leave {@code jdk.httpclient.keepalive.timeout} alone: the JDK's own default (30 s) or the user's value. */
        public Builder jdkIdleConnectionTimeout() {
            idleConnectionTimeout = Optional.empty();
            return this;
        }

        /** The settings collected so far. */
        public HttpSettings build() {
            return new HttpSettings(this);
        }

        private static int defaultClientThreads() {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }

        private static Duration positive(Duration d, String name) {
            notNegative(d, name);
            if (d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static Duration notNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
