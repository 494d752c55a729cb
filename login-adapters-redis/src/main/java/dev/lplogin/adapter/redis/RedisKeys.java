package dev.lplogin.adapter.redis;

import dev.lplogin.adapter.storage.SessionRecordFormat;
import dev.lplogin.domain.model.SessionKey;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the store's Redis keys. Every key of one session carries the hash tag {@code {h}}, h being the
 * record's name in the {@link SessionRecordFormat} (the hex SHA-256 of {@code account/loginName}, preceded by the
 * Domain API base when the store is tied to one: the file store's file name), so that they live in one Redis Cluster
 * slot and one script may touch them all:
 * <ul>
 *   <li>{@code <prefix>{h}:session}, a hash: {@code version} and {@code record} (the session, sealed or not); it
 *       expires in Redis a while after the session's hard deadline;
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

    /** The hash of {@code key} in a store not tied to a Domain API (the store asks its record format). */
    static String hash(SessionKey key) {
        return SessionRecordFormat.of(Optional.empty()).nameOf(key);
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
