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
    private final Map<ServiceName, ServiceHost> overrides;
    private final Optional<Path> extraTrustedCertificate;
    private final String userAgent;
    private final int maxBodyBytes;

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
        this.overrides = b.overrides;
        this.extraTrustedCertificate = b.extraTrustedCertificate;
        this.userAgent = b.userAgent;
        this.maxBodyBytes = b.maxBodyBytes;
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
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate,
                userAgent, maxBodyBytes);
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
        private Map<ServiceName, ServiceHost> overrides = Map.of();
        private Optional<Path> extraTrustedCertificate = Optional.empty();
        private String userAgent = UserAgent.DEFAULT;
        private int maxBodyBytes = 1024 * 1024;

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
            overrides = s.overrides;
            extraTrustedCertificate = s.extraTrustedCertificate;
            userAgent = s.userAgent;
            maxBodyBytes = s.maxBodyBytes;
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
         * How long after it was fetched an expired Domain API answer is still used while the Domain API is failing;
         * default 24 h (spec §2). Not negative.
         */
        public Builder staleIfErrorFor(Duration period) {
            staleIfErrorFor = notNegative(period, "staleIfErrorFor");
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

        /** The settings collected so far. */
        public HttpSettings build() {
            return new HttpSettings(this);
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
