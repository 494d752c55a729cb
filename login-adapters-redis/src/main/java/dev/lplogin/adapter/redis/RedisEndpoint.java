package dev.lplogin.adapter.redis;

import dev.lplogin.domain.model.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Redis is and who to be there: {@code redis://[user[:password]@]host[:port][/db]}, or {@code rediss://…}
 * for TLS. User and password may be percent-encoded. A user without a password authenticates with the password given
 * separately (e.g. from {@code LP_REDIS_PASSWORD}); a password without a user is the {@code default} user's.
 *
 * <p>Immutable. {@link #toString()} is the URL without its password, safe to log; parse errors never echo the input,
 * since it may hold a password.
 *
 * @param tls      whether to connect with TLS ({@code rediss://})
 * @param user     the Redis ACL user, if not the default one
 * @param password the password from the URL, if it held one
 * @param host     a host name or IP address (IPv6 without brackets)
 * @param port     the TCP port, 1–65535 (default 6379)
 * @param database the logical database number (default 0)
 */
public record RedisEndpoint(boolean tls, Optional<String> user, Optional<Secret> password, String host, int port,
                            int database) {

    /** Redis's port when a URL names none. */
    public static final int DEFAULT_PORT = 6379;

    private static final Pattern URL = Pattern.compile(
            "(?<scheme>rediss?)://(?:(?<userinfo>[^@/\\s]*)@)?(?<host>\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)"
                    + "(?::(?<port>[0-9]{1,5}))?(?:/(?<db>[0-9]{0,6}))?/?");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final String FORM = "redis://[user@]host[:port][/db] or rediss://[user@]host[:port][/db]";

    public RedisEndpoint {
        Objects.requireNonNull(user, "user (use Optional.empty())");
        Objects.requireNonNull(password, "password (use Optional.empty())");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the Redis host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the Redis port must be 1-65535, got " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("the Redis database must be >= 0, got " + database);
        }
        user.ifPresent(u -> {
            if (u.isEmpty()) {
                throw new IllegalArgumentException("the Redis user is empty");
            }
        });
    }

    /** Whether {@code value} looks like a URL ({@code scheme://…}) rather than a path: then it must be a Redis URL. */
    public static boolean looksLikeUrl(String value) {
        return SCHEME.matcher(Objects.requireNonNull(value, "value")).matches();
    }

    /** Whether {@code value} is a {@code redis://} or {@code rediss://} URL (well-formed or not). */
    public static boolean isRedisUrl(String value) {
        String lower = Objects.requireNonNull(value, "value").toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("redis://") || lower.startsWith("rediss://");
    }

    /**
     * The endpoint of a {@code redis://} or {@code rediss://} URL.
     *
     * @throws IllegalArgumentException if it is not one; the message names the expected form, never the input
     */
    public static RedisEndpoint parse(String url) {
        Objects.requireNonNull(url, "url");
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(isRedisUrl(url.strip())
                    ? "not a valid Redis URL; expected " + FORM
                    : "not a Redis URL (only redis:// and rediss:// are supported); expected " + FORM);
        }
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
        String host = m.group("host");
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = m.group("port") == null ? DEFAULT_PORT : Integer.parseInt(m.group("port"));
        String db = m.group("db");
        int database = db == null || db.isEmpty() ? 0 : Integer.parseInt(db);
        try {
            return new RedisEndpoint(m.group("scheme").equals("rediss"), user, password, host, port, database);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid Redis URL: " + e.getMessage() + "; expected " + FORM, e);
        }
    }

    /** The same endpoint with {@code password} (replacing one from the URL). */
    public RedisEndpoint withPassword(Secret newPassword) {
        return new RedisEndpoint(tls, user, Optional.of(Objects.requireNonNull(newPassword, "password")), host, port,
                database);
    }

    /** The same endpoint without a password, e.g. to show it. */
    public RedisEndpoint withoutPassword() {
        return new RedisEndpoint(tls, user, Optional.empty(), host, port, database);
    }

    /** The URL without the password: {@code redis://user@host:port/db}. */
    @Override
    public String toString() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + user.map(u -> u + "@").orElse("") + hostPart + ":" + port + "/"
                + database;
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
