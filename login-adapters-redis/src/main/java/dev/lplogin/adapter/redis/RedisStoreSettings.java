package dev.lplogin.adapter.redis;

import dev.lplogin.adapter.storage.EncryptionKey;
import dev.lplogin.domain.model.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a {@link RedisTokenStore} reaches Redis and lays out its data. Immutable; every {@code with…} returns a copy.
 *
 * @param endpoint       where Redis is, and the ACL user and password if any
 * @param keyPrefix      prepended to every key and to the notice channel, so that several teams can share one Redis
 *                       (and an ACL can confine a user to {@code ~prefix*} and {@code &prefix*}); default
 *                       {@value #DEFAULT_PREFIX}. Printable ASCII without spaces or braces (braces would break the
 *                       hash tags)
 * @param key            seals sessions with AES-256-GCM (the file store's format) when present; without it anyone
 *                       who can read the Redis can use the sessions
 * @param caCert         a PEM file of certificates to trust for {@code rediss://} besides the JDK's (e.g. a private
 *                       CA); the host name is always verified
 * @param clock          judges lease expiry (the same clock as the core's); default the system clock
 * @param commandTimeout how long one command may take before it fails as retryable; default 2 seconds
 * @param connectTimeout how long connecting may take; default 2 seconds
 * @param leaseGrace     how much longer than a lease its Redis key lives, so that a dead holder's lease disappears
 *                       even if nobody checks it, while hosts whose clocks differ a little still agree; default 5 s
 * @param domainApi      the Domain API base the sessions are obtained through, when the store is tied to one: it is
 *                       part of the records' names and (sealed) content, so that a client of one Domain API is never
 *                       handed a session obtained through another; default none (untied)
 * @param plaintextAllowed whether a store without a key may use a Redis that is not on this host (loopback); without
 *                       this explicit opt-out such a store is refused, since anyone who can read that Redis could use
 *                       the sessions; default false
 */
public record RedisStoreSettings(RedisEndpoint endpoint, String keyPrefix, Optional<EncryptionKey> key,
                                 Optional<Path> caCert, InstantSource clock, Duration commandTimeout,
                                 Duration connectTimeout, Duration leaseGrace, Optional<URI> domainApi,
                                 boolean plaintextAllowed) {

    /**
     * The environment variable that opts out of the refusal of plaintext records on a Redis that is not on this host
     * ({@code LP_REDIS_PLAINTEXT=allow}), for applications that configure from it.
     */
    public static final String PLAINTEXT_VARIABLE = "LP_REDIS_PLAINTEXT";

    /** The environment variable that holds the Redis password, for applications that configure from it. */
    public static final String PASSWORD_VARIABLE = "LP_REDIS_PASSWORD";

    /** The key prefix when none is configured. */
    public static final String DEFAULT_PREFIX = "lp-login:";

    private static final Pattern PREFIX = Pattern.compile("[!-z|~]{0,64}");

    public RedisStoreSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(keyPrefix, "key prefix");
        if (!PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("the Redis key prefix must be at most 64 printable ASCII characters"
                    + " without spaces or braces, got \"" + keyPrefix.replaceAll("[^!-~]", "?") + "\"");
        }
        Objects.requireNonNull(key, "key (use Optional.empty())");
        Objects.requireNonNull(caCert, "ca cert (use Optional.empty())");
        Objects.requireNonNull(clock, "clock");
        positive(commandTimeout, "command timeout");
        positive(connectTimeout, "connect timeout");
        positive(leaseGrace, "lease grace");
        Objects.requireNonNull(domainApi, "domain API (use Optional.empty())");
    }

    /** Defaults for {@code endpoint}: plaintext records, prefix {@value #DEFAULT_PREFIX}, the system clock. */
    public static RedisStoreSettings of(RedisEndpoint endpoint) {
        return new RedisStoreSettings(endpoint, DEFAULT_PREFIX, Optional.empty(), Optional.empty(),
                InstantSource.system(), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Optional.empty(), false);
    }

    /**
     * Defaults for the Redis at {@code url}: {@code redis://[user[:password]@]host[:port][/db]},
     * {@code redis-sentinel://…#master}, {@code redis-cluster://…}, or their {@code rediss…://} forms (see
     * {@link RedisEndpoint}).
     *
     * @throws IllegalArgumentException if it is not a Redis URL
     */
    public static RedisStoreSettings of(String url) {
        return of(RedisEndpoint.parse(url));
    }

    /** With the password of the endpoint's user (e.g. from {@code LP_REDIS_PASSWORD}), replacing one from the URL. */
    public RedisStoreSettings withPassword(Secret password) {
        return withEndpoint(endpoint.withPassword(password));
    }

    /**
     * With this password when present, else unchanged (the URL's password, if any, stays), e.g.
     * {@code withPassword(Secret.fromEnvironment(System.getenv(), "LP_REDIS_PASSWORD"))}.
     *
     * @param password the password, or empty for none
     * @return the settings with it
     */
    public RedisStoreSettings withPassword(Optional<Secret> password) {
        return password.map(this::withPassword).orElse(this);
    }

    public RedisStoreSettings withEndpoint(RedisEndpoint value) {
        return new RedisStoreSettings(value, keyPrefix, key, caCert, clock, commandTimeout, connectTimeout,
                leaseGrace, domainApi, plaintextAllowed);
    }

    public RedisStoreSettings withKeyPrefix(String value) {
        return new RedisStoreSettings(endpoint, value, key, caCert, clock, commandTimeout, connectTimeout,
                leaseGrace, domainApi, plaintextAllowed);
    }

    /** Sealed records under {@code value}, or plaintext when empty (e.g. {@code EncryptionKey.fromEnvironment(env)}). */
    public RedisStoreSettings withKey(Optional<EncryptionKey> value) {
        return new RedisStoreSettings(endpoint, keyPrefix, value, caCert, clock, commandTimeout, connectTimeout,
                leaseGrace, domainApi, plaintextAllowed);
    }

    public RedisStoreSettings withKey(EncryptionKey value) {
        return withKey(Optional.of(Objects.requireNonNull(value, "key")));
    }

    public RedisStoreSettings withCaCert(Path value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, Optional.of(Objects.requireNonNull(value, "ca cert")),
                clock, commandTimeout, connectTimeout, leaseGrace, domainApi, plaintextAllowed);
    }

    public RedisStoreSettings withClock(InstantSource value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, caCert, value, commandTimeout, connectTimeout,
                leaseGrace, domainApi, plaintextAllowed);
    }

    public RedisStoreSettings withCommandTimeout(Duration value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, caCert, clock, value, connectTimeout, leaseGrace,
                domainApi, plaintextAllowed);
    }

    public RedisStoreSettings withConnectTimeout(Duration value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, caCert, clock, commandTimeout, value, leaseGrace,
                domainApi, plaintextAllowed);
    }

    public RedisStoreSettings withLeaseGrace(Duration value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, caCert, clock, commandTimeout, connectTimeout, value,
                domainApi, plaintextAllowed);
    }

    /**
     * Tied to the Domain API base {@code value}: sessions obtained through another base (another emulator, a test
     * environment) are neither handed out nor listed.
     */
    public RedisStoreSettings withDomainApi(URI value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, caCert, clock, commandTimeout, connectTimeout,
                leaseGrace, Optional.of(Objects.requireNonNull(value, "domain API")), plaintextAllowed);
    }

    /**
     * Whether a store without a key may use a Redis that is not on this host. Only for a Redis that only trusted
     * parties can read: the bearer, csrf token and cookies are then in clear there.
     */
    public RedisStoreSettings withPlaintextAllowed(boolean value) {
        return new RedisStoreSettings(endpoint, keyPrefix, key, caCert, clock, commandTimeout, connectTimeout,
                leaseGrace, domainApi, value);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
