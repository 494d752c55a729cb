package dev.lplogin.adapter.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides which proxy the client uses, in this order:
 * <ol>
 *   <li>the JVM's own proxy configuration, when there is one: {@code -Dhttps.proxyHost}, or
 *       {@code -Djava.net.useSystemProxies=true}, or a {@link ProxySelector#setDefault default selector} the
 *       application installed — these keep the JDK's rules (for one, {@code http.nonProxyHosts}, which never
 *       proxies loopback unless set to an empty value);</li>
 *   <li>else the environment's {@code HTTPS_PROXY} / {@code NO_PROXY} (see {@link EnvironmentProxy}), applied to
 *       {@code https} URLs only, as curl applies it: loopback hosts are proxied too unless {@code NO_PROXY} names
 *       them;</li>
 *   <li>else no proxy.</li>
 * </ol>
 * Credentials in {@code HTTPS_PROXY} are answered by an {@link Authenticator} that answers only the proxy's own
 * challenge (requestor type PROXY, the proxy's host and port), never a server's. The JDK refuses Basic credentials
 * for a CONNECT tunnel unless {@code jdk.http.auth.tunneling.disabledSchemes} allows it; that property is read once
 * per JVM, when the first HTTP client is built, so it is set here, before this transport's client is built, when the
 * proxy has credentials and nobody set it. If an HTTP client was built earlier in the same JVM, Basic stays
 * disabled and the proxy answers 407; the message then says so.
 */
final class Proxies {

    private static final Logger LOG = Logger.getLogger(Proxies.class.getPackageName());
    static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private Proxies() {
    }

    /**
     * The proxy of the environment if it applies (no JVM proxy configuration wins over it), else empty. When it has
     * credentials, Basic is allowed for its tunnel; call this before the client is built (see the class comment).
     */
    static Optional<EnvironmentProxy> fromEnvironment(Optional<EnvironmentProxy> environment) {
        if (environment.isEmpty()) {
            return environment;
        }
        if (jvmConfigured(ProxySelector.getDefault())) {
            LOG.fine(() -> "the JVM's proxy settings win over HTTPS_PROXY");
            return Optional.empty();
        }
        if (environment.get().hasCredentials()) {
            allowBasicForTunnels();
        }
        return environment;
    }

    /** Configures {@code builder}'s proxy (and proxy authenticator): {@code proxy}'s if given, else the JVM's. */
    static void configure(HttpClient.Builder builder, Optional<EnvironmentProxy> proxy) {
        if (proxy.isEmpty()) {
            ProxySelector jvm = ProxySelector.getDefault();
            if (jvm != null) {
                builder.proxy(jvm);
            }
            return;
        }
        LOG.fine(() -> "using the proxy of HTTPS_PROXY: " + proxy.get());
        builder.proxy(new EnvironmentSelector(proxy.get()));
        if (proxy.get().hasCredentials()) {
            builder.authenticator(new ProxyCredentials(proxy.get()));
        }
    }

    private static boolean jvmConfigured(ProxySelector jvm) {
        String host = System.getProperty("https.proxyHost");
        if (host != null && !host.isBlank()) {
            return true;
        }
        if (Boolean.parseBoolean(System.getProperty("java.net.useSystemProxies"))) {
            return true;
        }
        // The JDK's own selector is sun.net.spi.DefaultProxySelector; anything else was installed on purpose.
        return jvm != null && !jvm.getClass().getName().equals("sun.net.spi.DefaultProxySelector");
    }

    private static void allowBasicForTunnels() {
        String disabled = System.getProperty(TUNNELING_DISABLED_SCHEMES);
        if (disabled == null) {
            System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
            LOG.fine(() -> "allowed Basic credentials for the HTTPS_PROXY tunnel (" + TUNNELING_DISABLED_SCHEMES
                    + " was not set)");
        } else if (disabled.toLowerCase(Locale.ROOT).contains("basic")) {
            LOG.warning(() -> "HTTPS_PROXY has credentials, but " + TUNNELING_DISABLED_SCHEMES + "='" + disabled
                    + "' forbids sending them to the proxy; the proxy will answer 407");
        }
    }

    /** HTTPS_PROXY for https URLs not matched by NO_PROXY; everything else direct. */
    static final class EnvironmentSelector extends ProxySelector {

        private final EnvironmentProxy proxy;

        EnvironmentSelector(EnvironmentProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") || uri.getHost() == null) {
                return List.of(Proxy.NO_PROXY);
            }
            int port = uri.getPort() < 0 ? 443 : uri.getPort();
            if (proxy.noProxy().matches(uri.getHost(), port)) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // Nothing to fall back to: the call fails and is retried as any connection failure is.
        }
    }

    /** Answers the proxy's 407 challenge with the credentials of HTTPS_PROXY, and nothing else. */
    static final class ProxyCredentials extends Authenticator {

        private final EnvironmentProxy proxy;

        ProxyCredentials(EnvironmentProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            boolean ourProxy = getRequestorType() == RequestorType.PROXY
                    && proxy.host().equalsIgnoreCase(getRequestingHost())
                    && getRequestingPort() == proxy.port();
            if (!ourProxy || proxy.user().isEmpty()) {
                return null;
            }
            char[] password = proxy.password().map(p -> p.reveal().toCharArray()).orElse(new char[0]);
            return new PasswordAuthentication(proxy.user().get(), password);
        }

        @Override
        public String toString() {
            return "ProxyCredentials[" + proxy.address() + "]";
        }
    }
}
