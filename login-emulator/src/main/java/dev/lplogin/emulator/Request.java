package dev.lplogin.emulator;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed request as handlers see it.
 *
 * @param pathParams the route's captured path segments, e.g. the account id
 */
record Request(Map<String, String> query, Headers headers, byte[] body, List<String> pathParams) {

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The value of a cookie the client sent, if any. */
    Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                    return Optional.of(pair.substring(equals + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Requires {@code Content-Type: application/json} (spec §3), as LivePerson's JSON endpoints do. */
    void requireJson() {
        String type = headers.getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Rejection(415, "send the body with Content-Type: application/json");
        }
    }

    static Map<String, String> parseQuery(String rawQuery) {
        var params = new HashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Rejection(400, "the query string is not valid URL encoding");
            }
        }
        return params;
    }
}
