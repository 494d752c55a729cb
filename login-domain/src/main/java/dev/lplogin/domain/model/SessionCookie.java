package dev.lplogin.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cookie the Login Service set on login or refresh (typically {@code Session_id}, spec §3.1). Cookies belong to
 * their session and are sent back only to its login host. The value is a {@link Secret}.
 *
 * @param name  the cookie name, an RFC 6265 token
 * @param value the cookie value
 */
public record SessionCookie(String name, Secret value) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

    public SessionCookie {
        Objects.requireNonNull(name, "cookie name");
        Objects.requireNonNull(value, "cookie value");
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("cookie name must be an RFC 6265 token");
        }
    }
}
