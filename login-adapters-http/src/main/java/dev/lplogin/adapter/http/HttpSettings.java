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
 * <p>Start from {@link #defaults()} and change what you need with the {@code with…} methods. Immutable and
 * thread-safe; no component may be null. The constructor validates every value and throws
 * {@link IllegalArgumentException} with a message that says which setting was wrong and how to fix it.
 *
 * @param csdsBaseUrl             the Domain API base URL; default {@code https://api.liveperson.net}. Must be
 *                                {@code https}, or plain {@code http} on a loopback host (the emulator, spec §2)
 * @param connectTimeout          how long to wait for a TCP (and TLS) connection; default 5 s
 * @param requestTimeout          how long one attempt may take, from sending to the whole answer; default 15 s
 * @param retryDelays             the pauses before each retry of a 5xx, connection failure or timeout; their number
 *                                is the number of retries. Default 5 s, 10 s, 15 s (spec §3.4); may be empty
 * @param loginRateLimitFloor     the least wait before retrying a login answered 429; default 5 s (spec §3.1)
 * @param otherRateLimitFloor     the least wait before retrying any other call answered 429; default 1 s
 * @param rateLimitBudget         the most time one call may spend waiting on 429s before it reports "rate limited";
 *                                default 30 s
 * @param cacheTtl                how long a Domain API answer is used without asking again; default 10 min
 * @param staleIfErrorFor         how long after it was fetched an expired answer is still used while the Domain API
 *                                is failing; default 24 h (spec §2)
 * @param overrides               service hosts that win over the Domain API on every lookup, for every account;
 *                                default none
 * @param extraTrustedCertificate a PEM file of certificates to trust in addition to the JVM's (e.g. the emulator's);
 *                                default none
 * @param userAgent               the {@code User-Agent} header; default {@code lp-login/<version> Java/<runtime>}
 * @param maxBodyBytes            the largest answer body accepted; default 1 MiB
 */
public record HttpSettings(
        URI csdsBaseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        List<Duration> retryDelays,
        Duration loginRateLimitFloor,
        Duration otherRateLimitFloor,
        Duration rateLimitBudget,
        Duration cacheTtl,
        Duration staleIfErrorFor,
        Map<ServiceName, ServiceHost> overrides,
        Optional<Path> extraTrustedCertificate,
        String userAgent,
        int maxBodyBytes) {

    /** LivePerson's Domain API (spec §2). */
    public static final URI DEFAULT_CSDS_BASE_URL = URI.create("https://api.liveperson.net");

    public HttpSettings {
        csdsBaseUrl = Endpoints.validCsdsBaseUrl(Objects.requireNonNull(csdsBaseUrl, "csdsBaseUrl"));
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        retryDelays = List.copyOf(Objects.requireNonNull(retryDelays, "retryDelays"));
        retryDelays.forEach(d -> notNegative(d, "retryDelays"));
        notNegative(loginRateLimitFloor, "loginRateLimitFloor");
        notNegative(otherRateLimitFloor, "otherRateLimitFloor");
        notNegative(rateLimitBudget, "rateLimitBudget");
        positive(cacheTtl, "cacheTtl");
        notNegative(staleIfErrorFor, "staleIfErrorFor");
        overrides = Map.copyOf(Objects.requireNonNull(overrides, "overrides"));
        Objects.requireNonNull(extraTrustedCertificate, "extraTrustedCertificate (use Optional.empty())");
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable ASCII, e.g. lp-login/1.0");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
    }

    /** The documented defaults: LivePerson's Domain API and retry policy, a 10-minute cache, the JVM's trust store. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_CSDS_BASE_URL, Duration.ofSeconds(5), Duration.ofSeconds(15),
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofHours(24), Map.of(), Optional.empty(),
                UserAgent.DEFAULT, 1024 * 1024);
    }

    public HttpSettings withCsdsBaseUrl(URI url) {
        return new HttpSettings(url, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate,
                userAgent, maxBodyBytes);
    }

    public HttpSettings withTimeouts(Duration connect, Duration request) {
        return new HttpSettings(csdsBaseUrl, connect, request, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate,
                userAgent, maxBodyBytes);
    }

    /** @param delays the pause before each retry of a failed attempt; {@code List.of()} disables those retries */
    public HttpSettings withRetryDelays(List<Duration> delays) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, delays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate,
                userAgent, maxBodyBytes);
    }

    public HttpSettings withRateLimit(Duration loginFloor, Duration otherFloor, Duration budget) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginFloor, otherFloor,
                budget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate, userAgent, maxBodyBytes);
    }

    public HttpSettings withCache(Duration ttl, Duration staleIfError) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, ttl, staleIfError, overrides, extraTrustedCertificate,
                userAgent, maxBodyBytes);
    }

    public HttpSettings withOverrides(Map<ServiceName, ServiceHost> serviceHosts) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, serviceHosts,
                extraTrustedCertificate, userAgent, maxBodyBytes);
    }

    /** @param pemFile one or more PEM certificates to trust besides the JVM's own trust store */
    public HttpSettings withExtraTrustedCertificate(Path pemFile) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides,
                Optional.of(Objects.requireNonNull(pemFile, "pemFile")), userAgent, maxBodyBytes);
    }

    public HttpSettings withUserAgent(String agent) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate,
                agent, maxBodyBytes);
    }

    public HttpSettings withMaxBodyBytes(int bytes) {
        return new HttpSettings(csdsBaseUrl, connectTimeout, requestTimeout, retryDelays, loginRateLimitFloor,
                otherRateLimitFloor, rateLimitBudget, cacheTtl, staleIfErrorFor, overrides, extraTrustedCertificate,
                userAgent, bytes);
    }

    private static void positive(Duration d, String name) {
        notNegative(d, name);
        if (d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    private static void notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
