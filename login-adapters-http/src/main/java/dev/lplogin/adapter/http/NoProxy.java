package dev.lplogin.adapter.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The destinations {@code NO_PROXY} sends directly, matched as curl matches them: a comma- (or space-) separated
 * list of host names, IP addresses and CIDR ranges; {@code *} alone matches every host. A name matches itself and
 * every name below it ({@code example.com} and {@code .example.com} both match {@code api.example.com} and
 * {@code example.com}), case-insensitively. An entry may end in {@code :port} to match only that port. IP addresses
 * and ranges match literal addresses only (never by suffix), and nothing is resolved: {@code localhost} does not
 * match {@code 127.0.0.1}.
 *
 * @param all     whether {@code *} was given
 * @param entries the entries, lower case, without a leading dot
 */
record NoProxy(boolean all, List<Entry> entries) {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    private static final NoProxy NONE = new NoProxy(false, List.of());

    NoProxy {
        entries = List.copyOf(entries);
    }

    static NoProxy parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        boolean all = false;
        List<Entry> entries = new ArrayList<>();
        for (String item : SEPARATORS.split(list.strip())) {
            if (item.equals("*")) {
                all = true;
            } else if (!item.isEmpty()) {
                entries.add(Entry.of(item.toLowerCase(Locale.ROOT)));
            }
        }
        return new NoProxy(all, entries);
    }

    /** Whether {@code host} (a name or a literal address, IPv6 with or without brackets) on {@code port} goes direct. */
    boolean matches(String host, int port) {
        if (all) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (Entry entry : entries) {
            if ((entry.port() < 0 || entry.port() == port) && entry.matches(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        if (!all && entries.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>(all ? List.of("*") : List.of());
        entries.forEach(e -> shown.add(e.text()));
        return ", NO_PROXY=" + String.join(",", shown);
    }

    /**
     * One entry: a name suffix, or an address range ({@code prefixBits} of {@code address}).
     *
     * @param text the entry as given (lower case)
     * @param port the port it is limited to, or -1
     */
    record Entry(String text, String name, byte[] address, int prefixBits, int port) {

        static Entry of(String text) {
            String host = text;
            int port = -1;
            int bits = -1;
            int slash = host.indexOf('/');
            if (slash >= 0) {
                bits = parseInt(host.substring(slash + 1));
                host = host.substring(0, slash);
            } else if (host.startsWith("[") && host.contains("]:")) {
                port = parseInt(host.substring(host.indexOf("]:") + 2));
                host = host.substring(0, host.indexOf("]:") + 1);
            } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
                port = parseInt(host.substring(host.indexOf(':') + 1));
                host = host.substring(0, host.indexOf(':'));
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            byte[] address = literal(host);
            if (address == null) {
                String name = host.startsWith(".") ? host.substring(1) : host;
                return new Entry(text, name.endsWith(".") ? name.substring(0, name.length() - 1) : name, null, -1,
                        port);
            }
            int max = address.length * 8;
            return new Entry(text, null, address, bits < 0 || bits > max ? max : bits, port);
        }

        boolean matches(String host) {
            byte[] other = literal(host);
            if (address == null) {
                // Names match names (and their subdomains); an address only by being written the same way.
                return !name.isEmpty() && (host.equals(name) || other == null && host.endsWith("." + name));
            }
            if (other == null || other.length != address.length) {
                return false;
            }
            int shift = address.length * 8 - prefixBits;
            return new BigInteger(1, other).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
        }

        /** The bytes of a literal IPv4 or IPv6 address, or null for a name (never resolved). */
        private static byte[] literal(String host) {
            boolean ipv4 = host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
            boolean ipv6 = host.contains(":") && host.matches("[0-9a-f:.%]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(host).getAddress();   // a literal: no lookup happens
            } catch (UnknownHostException e) {
                return null;
            }
        }

        private static int parseInt(String digits) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && text.equals(that.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
