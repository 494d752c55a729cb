package dev.lplogin.app.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The agent's key: a random secret (256 bits, base64url) a caller must send as {@code X-LP-Login-Key} on every
 * request. Loopback alone is no access control — every local user and every container sharing the network namespace
 * reaches 127.0.0.1 — so the key, readable only by the owner of the key file, is what entitles a caller.
 */
final class AgentKey {

    /** The request header that carries the key. */
    static final String HEADER = "X-LP-Login-Key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] value;

    private AgentKey(byte[] value) {
        this.value = value;
    }

    /** A new random key. */
    static AgentKey generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return new AgentKey(Base64.getUrlEncoder().withoutPadding().encode(raw));
    }

    /** The key as written to the key file (the only place it is shown). */
    String reveal() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    /** Whether {@code presented} is the key, in time independent of where they differ. */
    boolean matches(String presented) {
        // isEqual is constant-time for equal lengths; the length of a key is no secret
        return presented != null && MessageDigest.isEqual(value, presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AgentKey[***]";
    }
}
