package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.SessionCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The session's cookie jar on the wire: reads {@code Set-Cookie} headers into {@link SessionCookie}s and writes them
 * back as one {@code Cookie} header. Cookies live in the {@code Session}, never in a JVM-wide cookie handler, and go
 * back only to the session's login host (spec §3.1, §3.2).
 */
final class Cookies {

    private static final Logger LOG = Logger.getLogger(Cookies.class.getPackageName());

    private Cookies() {
    }

    /**
     * The cookies set by {@code Set-Cookie} header values, in order. Only {@code name=value} counts: attributes
     * (Path, Secure, HttpOnly, Expires) are not needed to send the cookie back to the one host that set it. A
     * cookie without a value (a deletion) or with an invalid name is skipped.
     */
    static List<SessionCookie> parse(List<String> setCookieHeaders) {
        List<SessionCookie> cookies = new ArrayList<>();
        for (String header : setCookieHeaders) {
            int semicolon = header.indexOf(';');
            String pair = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).trim();
            String value = equals < 0 ? "" : pair.substring(equals + 1).trim();
            if (name.isEmpty() || value.isEmpty()) {
                LOG.fine("ignored a Set-Cookie header without a name or value");
                continue;
            }
            try {
                cookies.add(new SessionCookie(name, Secret.of(value)));
            } catch (IllegalArgumentException invalidName) {
                LOG.fine("ignored a Set-Cookie header whose name is not an RFC 6265 token");
            }
        }
        return cookies;
    }

    /** The {@code Cookie} header value ({@code a=b; c=d}), or empty when there are no cookies. */
    static Optional<String> header(List<SessionCookie> cookies) {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cookies.stream()
                .map(cookie -> cookie.name() + "=" + cookie.value().reveal())
                .collect(Collectors.joining("; ")));
    }
}
