package dev.lplogin.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context: the JVM's trust store, plus — when configured — the certificates of one PEM file (e.g. the
 * emulator's), without touching the JVM-wide trust store. Host names are still verified by the HTTP client.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** @throws IllegalArgumentException if the PEM file cannot be read or holds no certificate */
    static SSLContext sslContext(Optional<Path> extraPem) {
        try {
            if (extraPem.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate anchor : jvmTrustManager().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jvm-" + n++, anchor);
            }
            for (Certificate extra : read(extraPem.get())) {
                trusted.setCertificateEntry("extra-" + n++, extra);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("the extra trusted certificate file " + pem
                        + " holds no certificate; give a PEM file (-----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the extra trusted certificate file " + pem + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the extra trusted certificate file " + pem
                    + " is not a PEM certificate (-----BEGIN CERTIFICATE-----): " + e.getMessage(), e);
        }
    }

    private static X509TrustManager jvmTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM offers no X.509 trust manager");
    }
}
