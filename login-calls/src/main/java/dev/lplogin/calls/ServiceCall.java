package dev.lplogin.calls;

import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request to a LivePerson service for one session: which session's bearer, which service (a Domain API service
 * name such as {@code accountConfigReadOnly}), the method, the path and query, extra headers and the body.
 *
 * <pre>{@code
 * ServiceCall read = ServiceCall.get(key, ServiceName.of("accountConfigReadOnly"),
 *         "/api/account/{accountId}/configuration/le-users/skills?v=2.0");
 * ServiceCall write = ServiceCall.of(key, ServiceName.of("accountConfigReadWrite"), "POST",
 *                 "/api/account/{accountId}/configuration/le-users/skills?v=2.0")
 *         .withHeader("Content-Type", "application/json").withHeader("If-Match", etag)
 *         .withBody(CallBody.ofString("{\"name\":\"billing\"}"));
 * }</pre>
 *
 * <p>{@code Authorization} and {@code Host} are the helper's to set and are refused here, and so are the headers the
 * JDK client sets itself ({@code Connection}, {@code Content-Length}, {@code Expect}, {@code Upgrade}). Header
 * values never appear in {@link #toString()}.
 *
 * @param key          the session whose bearer authorizes the call
 * @param service      the service whose host (from the Domain API) the call goes to
 * @param method       an HTTP method, e.g. {@code GET}
 * @param pathAndQuery starts with one {@code /}; {@value #ACCOUNT_PLACEHOLDER} is replaced by the key's account;
 *                     percent-encoded as it should go on the wire; no fragment
 * @param headers      extra request headers, in order
 * @param body         the body, and whether it can be replayed
 */
public record ServiceCall(SessionKey key, ServiceName service, String method, String pathAndQuery,
                          List<Header> headers, CallBody body) {

    /** Replaced by the session's account id in {@link #pathAndQuery}. */
    public static final String ACCOUNT_PLACEHOLDER = "{accountId}";

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern PATH = Pattern.compile("/(?!/)[^\\s#\\p{Cntrl}]*");
    private static final Set<String> REFUSED = Set.of("authorization", "host", "connection", "content-length",
            "expect", "upgrade");

    /** One request header; its value is never shown by {@link #toString()}. */
    public record Header(String name, String value) {

        /** @throws IllegalArgumentException for a name that is not an HTTP token or a value with a line break */
        public Header {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a valid header name");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("the value of header " + name + " has a line break");
            }
        }

        @Override
        public String toString() {
            return name + ": ***";
        }
    }

    /**
     * Validates every part; copies the headers.
     *
     * @throws IllegalArgumentException saying which part is wrong and how to write it
     */
    public ServiceCall {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
        if (!TOKEN.matcher(method).matches()) {
            throw new IllegalArgumentException("'" + method + "' is not an HTTP method (e.g. GET, POST)");
        }
        if (!PATH.matcher(pathAndQuery).matches()) {
            throw new IllegalArgumentException("the path must start with a single '/' and hold no spaces, control "
                    + "characters or '#' (percent-encode them), e.g. /api/account/{accountId}/configuration/"
                    + "le-users/skills?v=2.0");
        }
        for (Header header : headers) {
            if (REFUSED.contains(header.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + header.name() + " is set by the call itself; "
                        + "leave it out");
            }
        }
    }

    /** A call without headers or body. */
    public static ServiceCall of(SessionKey key, ServiceName service, String method, String pathAndQuery) {
        return new ServiceCall(key, service, method, pathAndQuery, List.of(), CallBody.none());
    }

    /** A {@code GET}. */
    public static ServiceCall get(SessionKey key, ServiceName service, String pathAndQuery) {
        return of(key, service, "GET", pathAndQuery);
    }

    /** This call with one more header. */
    public ServiceCall withHeader(String name, String value) {
        var more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new ServiceCall(key, service, method, pathAndQuery, more, body);
    }

    /** This call with another body. */
    public ServiceCall withBody(CallBody newBody) {
        return new ServiceCall(key, service, method, pathAndQuery, headers, newBody);
    }

    /** The path and query with {@value #ACCOUNT_PLACEHOLDER} replaced by the session's account id. */
    public String resolvedPathAndQuery() {
        return pathAndQuery.replace(ACCOUNT_PLACEHOLDER, key.account().value());
    }

    /** Whether the method is idempotent (RFC 9110 §9.2.2): GET, HEAD, OPTIONS, TRACE, PUT, DELETE. */
    public boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "ServiceCall[" + key + " " + service + " " + method + " " + pathAndQuery + ", headers="
                + headers.stream().map(Header::name).toList() + ", body=" + body + "]";
    }
}
