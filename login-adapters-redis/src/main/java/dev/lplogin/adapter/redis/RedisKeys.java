package dev.lplogin.adapter.redis;

import dev.lplogin.domain.model.SessionKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the store's Redis keys. Every key of one session carries the hash tag {@code {h}}, h being the hex
 * SHA-256 of {@code account/loginName} (the file store's file name), so that they live in one Redis Cluster slot and
 * one script may touch them all:
 * <ul>
 *   <li>{@code <prefix>{h}:session}, a hash: {@code version} and {@code record} (the session, sealed or not);
 *   <li>{@code <prefix>{h}:lease}, a hash: {@code token}, {@code fence}, {@code expires}; it expires in Redis a
 *       little after the lease does;
 *   <li>{@code <prefix>{h}:fence}, the last fence granted on the key; never expires, so fences never go back;
 *   <li>the channel {@code <prefix>notices}, where saves announce themselves ({@link Notice}).
 * </ul>
 */
final class RedisKeys {

    private static final String SESSION = ":session";

    private final String prefix;
    private final Pattern sessionKey;

    RedisKeys(String prefix) {
        this.prefix = prefix;
        this.sessionKey = Pattern.compile(Pattern.quote(prefix) + "\\{([0-9a-f]{64})}" + Pattern.quote(SESSION));
    }

    static String hash(SessionKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    String session(String hash) {
        return prefix + "{" + hash + "}" + SESSION;
    }

    String lease(String hash) {
        return prefix + "{" + hash + "}:lease";
    }

    String fence(String hash) {
        return prefix + "{" + hash + "}:fence";
    }

    String channel() {
        return prefix + "notices";
    }

    /** The SCAN MATCH pattern of every session key under the prefix (glob characters of the prefix escaped). */
    String sessionPattern() {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "{*}" + SESSION;
    }

    /** The hash in a session key's name, if it is one of ours. */
    Optional<String> hashOfSessionKey(String redisKey) {
        Matcher m = sessionKey.matcher(redisKey);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
