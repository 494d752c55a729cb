package dev.lplogin.adapter.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Says what went wrong with a connection in a user's words ("connection refused", "unknown host"), never with a
 * Java class name. The exception itself stays the cause of the exception we throw, for whoever wants a stack trace.
 */
final class Trouble {

    private Trouble() {
    }

    /**
     * Whether the proxy kept answering 407 to the credentials it was given. The JDK client says so only in its
     * message ("too many authentication attempts"), after asking the authenticator a few times.
     */
    static boolean proxyRefusedCredentials(Throwable failure) {
        return mentions(failure, "authentication attempts");
    }

    /** A short phrase for a failed attempt, e.g. {@code "connection refused"}. */
    static String of(Throwable failure, Duration connectTimeout) {
        if (proxyRefusedCredentials(failure)) {
            return "the proxy refused the credentials (HTTP 407)";
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toMillis() + " ms";
        }
        if (failure instanceof HttpTimeoutException timeout) {
            return timeout.getMessage() == null ? "no answer in time" : timeout.getMessage();
        }
        if (has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)) {
            return "unknown host";
        }
        if (has(failure, NoRouteToHostException.class)) {
            return "no route to host";
        }
        if (has(failure, ConnectException.class)) {
            return "connection refused";
        }
        if (has(failure, EOFException.class) || mentions(failure, "no bytes") || mentions(failure, "eof")) {
            return "the connection closed before the answer was complete";
        }
        if (mentions(failure, "reset")) {
            return "connection reset";
        }
        if (mentions(failure, "tunnel failed") || mentions(failure, "407")) {
            return "the proxy refused to open a tunnel" + (mentions(failure, "407")
                    ? " (HTTP 407: it wants credentials it did not get or did not accept)" : "");
        }
        if (has(failure, SSLException.class)) {
            return "the TLS handshake failed";
        }
        return "the connection failed";
    }

    /** Why a TLS peer was not trusted, for a failure where {@link RetryPolicies#untrustedPeer} holds. */
    static String untrusted(Throwable failure) {
        if (has(failure, CertificateExpiredException.class)) {
            return "its certificate has expired";
        }
        if (has(failure, CertificateNotYetValidException.class)) {
            return "its certificate is not valid yet";
        }
        if (has(failure, CertPathBuilderException.class) || has(failure, CertPathValidatorException.class)
                || mentions(failure, "certification path")) {
            return "its certificate is not signed by an authority this JVM trusts";
        }
        if (mentions(failure, "subject alternative") || mentions(failure, "no name matching")) {
            return "its certificate is for another host name";
        }
        return "its certificate was refused";
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String words) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words)) {
                return true;
            }
        }
        return false;
    }
}
