package dev.lplogin.adapter.http;

import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Service hosts as a person writes them for {@link HttpSettings.Builder#overrides}: {@code SERVICE=HOST[:PORT]},
 * several separated by commas, e.g. {@code accountConfigReadOnly=va.ac.liveperson.net,msgHist=127.0.0.1:8443}. A host
 * may carry {@code https://} in front; {@code http://} is taken only where {@link Endpoints} would use plain http
 * anyway (the Domain API is plain http on loopback — the emulator — and the host is loopback), since every other
 * host is always reached over https. {@code none} is no overrides.
 */
public final class ServiceHostOverrides {

    private static final String EXAMPLE = "e.g. accountConfigReadOnly=va.ac.liveperson.net or msgHist=127.0.0.1:8443";

    private ServiceHostOverrides() {
    }

    /**
     * The overrides {@code text} lists, in its order.
     *
     * @param text        {@code SERVICE=HOST[:PORT]}, comma-separated, or {@code none}
     * @param csdsBaseUrl the Domain API the overrides go with: it decides whether {@code http://} may be given
     * @throws IllegalArgumentException naming the entry that is wrong and what would be right
     */
    public static Map<ServiceName, ServiceHost> parse(String text, URI csdsBaseUrl) {
        Objects.requireNonNull(text, "text");
        boolean plainHttpAllowed = Endpoints.validCsdsBaseUrl(Objects.requireNonNull(csdsBaseUrl, "csdsBaseUrl"))
                .getScheme().equals("http");
        Map<ServiceName, ServiceHost> hosts = new LinkedHashMap<>();
        if (text.strip().equals("none")) {
            return hosts;
        }
        for (String entry : text.split(",", -1)) {
            String trimmed = entry.strip();
            int equals = trimmed.indexOf('=');
            if (equals <= 0 || equals == trimmed.length() - 1) {
                throw new IllegalArgumentException("'" + Printable.of(trimmed, 100) + "' is not SERVICE=HOST[:PORT] ("
                        + EXAMPLE + "; several separated by commas)");
            }
            ServiceName service = service(trimmed.substring(0, equals).strip());
            ServiceHost host = host(service, trimmed.substring(equals + 1).strip(), plainHttpAllowed);
            if (hosts.put(service, host) != null) {
                throw new IllegalArgumentException("service '" + service + "' is given twice; give each service once");
            }
        }
        return hosts;
    }

    private static ServiceName service(String name) {
        try {
            return ServiceName.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + Printable.of(name, 100) + "': " + e.getMessage(), e);
        }
    }

    private static ServiceHost host(ServiceName service, String value, boolean plainHttpAllowed) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean plainHttp = lower.startsWith("http://");
        String authority = lower.startsWith("https://") ? value.substring("https://".length())
                : plainHttp ? value.substring("http://".length()) : value;
        ServiceHost host;
        try {
            host = ServiceHost.of(authority);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the host of service '" + service + "' ('" + Printable.of(value, 100)
                    + "'): " + e.getMessage(), e);
        }
        if (plainHttp && !(plainHttpAllowed && host.isLoopback())) {
            throw new IllegalArgumentException("service '" + service + "' is given as http://" + host + "; service "
                    + "hosts are reached over https only (plain http only to a loopback host while the Domain API is "
                    + "the loopback emulator over http): give https://" + host + " or just " + host);
        }
        return host;
    }
}
