package dev.lplogin.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret value — a password, client secret, access token, bearer, csrf token or cookie value (spec §4) — that can
 * not be printed by accident: {@link #toString()} is always {@code ***}, so any record holding a {@code Secret} is
 * safe to log. The value is read only on purpose, through {@link #reveal()}.
 *
 * <p>Immutable and thread-safe. Equality compares values in constant time.
 */
public final class Secret {

    private static final String REDACTED = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /**
     * The secret in the environment variable {@code name}, or empty when it is unset or empty: the null-safe way to
     * read an optional secret, e.g. {@code Secret.fromEnvironment(System.getenv(), "LP_REDIS_PASSWORD")}, where
     * {@code Secret.of(System.getenv(name))} throws when the variable is unset.
     *
     * @param env  the environment, e.g. {@code System.getenv()}
     * @param name the variable's name
     * @return the secret, or empty when the variable is unset or empty
     */
    public static Optional<Secret> fromEnvironment(Map<String, String> env, String name) {
        Objects.requireNonNull(name, "name");
        String value = env.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new Secret(value));
    }

    /** The secret value itself. Call it only where the value must leave the process (a request body, a header). */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ***}: a secret never reaches a log line, an exception message or CLI output this way. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
