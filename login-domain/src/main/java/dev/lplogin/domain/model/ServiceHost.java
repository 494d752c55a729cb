package dev.lplogin.domain.model;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service host as the Domain API's {@code baseURI} gives it: a bare host name, IPv4 address or bracketed IPv6
 * address, optionally with {@code :port} — no scheme, path, query, user info or whitespace (spec §2). Validated so
 * that a hostile or broken answer can never make the client connect somewhere unexpected.
 *
 * @param value the authority, e.g. {@code va.agentvep.liveperson.net} or {@code 127.0.0.1:8443}
 */
public record ServiceHost(String value) {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern AUTHORITY = Pattern.compile(
            "(?<host>" + LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[0-9A-Fa-f:.]{2,45}])(?::(?<port>[0-9]{1,5}))?");

    /** @throws IllegalArgumentException if {@code value} is not a bare host[:port] */
    public ServiceHost {
        Objects.requireNonNull(value, "service host");
        Matcher m = AUTHORITY.matcher(value);
        if (value.length() > 260 || !m.matches()) {
            throw new IllegalArgumentException(
                    "a service host must be a bare host or host:port (no scheme, path or spaces), e.g. va.agentvep.liveperson.net");
        }
        String port = m.group("port");
        if (port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw new IllegalArgumentException("service host port must be 1-65535, got " + port);
        }
    }

    public static ServiceHost of(String value) {
        return new ServiceHost(value);
    }

    /** The host part without the port (IPv6 keeps its brackets). */
    public String hostName() {
        Matcher m = AUTHORITY.matcher(value);
        m.matches();
        return m.group("host");
    }

    /** The explicit port, if the value has one. */
    public OptionalInt port() {
        Matcher m = AUTHORITY.matcher(value);
        m.matches();
        String port = m.group("port");
        return port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
    }

    /**
     * Whether this names the local machine ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) without a name
     * lookup. Only loopback hosts may be reached over plain http (spec §2, §4).
     */
    public boolean isLoopback() {
        String host = hostName().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("localhost.") || host.equals("[::1]") || isLoopbackIpv4(host);
    }

    // 127.0.0.0/8 only when every octet is a real one (0-255): "127.999.0.1" is a host name, not an address.
    private static boolean isLoopbackIpv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
