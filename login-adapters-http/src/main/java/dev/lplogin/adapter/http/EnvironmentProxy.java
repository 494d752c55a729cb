package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTPS proxy a process environment names, read as curl reads it: {@code https_proxy}, else
 * {@code HTTPS_PROXY}; {@code no_proxy}, else {@code NO_PROXY} (lower case wins when both are set). The proxy is an
 * {@code http://[user:password@]host[:port]} URL (no scheme means {@code http://}; the port defaults to 1080, as
 * curl's does); user and password are percent-decoded. A proxy reached over TLS ({@code https://}) or SOCKS is not
 * something the JDK client can use, and is refused.
 *
 * <p>The password is a {@link Secret}; {@link #toString()} shows neither it nor the user name.
 *
 * @param host     the proxy's host
 * @param port     the proxy's port
 * @param user     the proxy user, if the URL names one
 * @param password the proxy password, if the URL holds one
 * @param noProxy  the destinations that bypass the proxy
 */
record EnvironmentProxy(String host, int port, Optional<String> user, Optional<Secret> password, NoProxy noProxy) {

    /** curl's default proxy port. */
    static final int DEFAULT_PORT = 1080;

    EnvironmentProxy {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(noProxy, "noProxy");
    }

    /**
     * The proxy {@code env} names, or empty when it names none (unset or blank).
     *
     * @throws IllegalArgumentException if the proxy variable is not a usable proxy URL; the message names the
     *                                  variable but never quotes its value (it may hold a password)
     */
    static Optional<EnvironmentProxy> from(Map<String, String> env) {
        Objects.requireNonNull(env, "environment");
        String variable = env.get("https_proxy") != null ? "https_proxy" : "HTTPS_PROXY";
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String noProxy = env.get("no_proxy") != null ? env.get("no_proxy") : env.getOrDefault("NO_PROXY", "");
        return Optional.of(parse(variable, value.strip(), NoProxy.parse(noProxy)));
    }

    private static EnvironmentProxy parse(String variable, String value, NoProxy noProxy) {
        String text = value.contains("://") ? value : "http://" + value;
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(variable, "it is not a URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw invalid(variable, "the proxy must be reached over plain http (http://host:port); a '" + scheme
                    + "' proxy is not supported by the JDK's HTTP client");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid(variable, "it names no proxy host");
        }
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || url.getRawQuery() != null) {
            throw invalid(variable, "a proxy URL has no path or query, e.g. http://proxy.example.com:3128");
        }
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        String userInfo = url.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = Optional.of(decode(variable, rawUser)).filter(u -> !u.isEmpty());
            if (colon >= 0 && colon < userInfo.length() - 1) {
                password = Optional.of(Secret.of(decode(variable, userInfo.substring(colon + 1))));
            }
            if (user.isEmpty()) {
                throw invalid(variable, "it has credentials without a user name");
            }
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        return new EnvironmentProxy(host, url.getPort() < 0 ? DEFAULT_PORT : url.getPort(), user, password, noProxy);
    }

    private static String decode(String variable, String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(variable, "its credentials have a bad percent-escape");
        }
    }

    private static IllegalArgumentException invalid(String variable, String why) {
        return new IllegalArgumentException(variable + " is not a usable proxy: " + why);
    }

    /** Whether the URL held a user name (and so Basic credentials for the proxy). */
    boolean hasCredentials() {
        return user.isPresent();
    }

    /** {@code http://host:port}, without credentials. */
    String address() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return address() + (hasCredentials() ? " (with credentials)" : "") + noProxy;
    }
}
