package dev.lplogin.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers the agent's proxy passes on, each way (RFC 9110 §7.6.1). Only end-to-end headers cross: hop-by-hop
 * ones ({@code Connection}, {@code Keep-Alive}, {@code Transfer-Encoding}, …, and every header {@code Connection}
 * names) describe one connection and are the HTTP stacks' business; {@code Host} and {@code Content-Length} are set by
 * the client that sends. Towards the service the agent also drops what belongs to the agent or must not reach the
 * service: the agent key, the session selectors, and any {@code Authorization} or {@code Proxy-Authorization} the
 * caller sent — the bearer is the agent's to add. Towards the caller it drops {@code Set-Cookie}: the agent holds
 * the session, and a cookie is a credential the caller has no use for.
 */
final class ProxyHeaders {

    /** The request header naming the account of the session to call with (the query belongs to the service). */
    static final String ACCOUNT = "X-LP-Account";
    /** The request header naming the user of the session to call with. */
    static final String USER = "X-LP-User";

    private static final Set<String> HOP_BY_HOP = lower("Connection", "Keep-Alive", "Proxy-Connection", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Proxy-Authenticate", "Proxy-Authorization",
            "Host", "Content-Length", "Expect");
    private static final Set<String> NOT_TO_THE_SERVICE = lower(AgentKey.HEADER, ACCOUNT, USER, "Authorization");
    private static final Set<String> NOT_TO_THE_CALLER = lower("Set-Cookie", "Set-Cookie2", "Authorization");

    private ProxyHeaders() {
    }

    /** The caller's headers that go on to the service, in their order. */
    static Map<String, List<String>> toService(Map<String, List<String>> fromCaller) {
        return kept(fromCaller, NOT_TO_THE_SERVICE);
    }

    /** The service's answer headers that go back to the caller, in their order. */
    static Map<String, List<String>> toCaller(Map<String, List<String>> fromService) {
        return kept(fromService, NOT_TO_THE_CALLER);
    }

    private static Map<String, List<String>> kept(Map<String, List<String>> headers, Set<String> alsoDropped) {
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        dropped.addAll(HOP_BY_HOP);
        dropped.addAll(alsoDropped);
        headers.forEach((name, values) -> {
            if (name != null && name.equalsIgnoreCase("Connection")) {
                values.forEach(value -> Arrays.stream(value.split(",")).map(String::strip)
                        .filter(token -> !token.isEmpty()).forEach(dropped::add));
            }
        });
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            // a null name is the JDK's status line; ':status' and the like are HTTP/2 pseudo-headers
            if (name != null && !name.startsWith(":") && !dropped.contains(name) && !values.isEmpty()) {
                kept.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return kept;
    }

    private static Set<String> lower(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).forEach(set::add);
        return set;
    }
}
