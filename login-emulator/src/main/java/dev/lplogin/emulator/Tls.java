package dev.lplogin.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The emulator's TLS identity: a bundled, self-signed EC certificate for 127.0.0.1, ::1 and {@code localhost}
 * (valid until 2126). Its private key is PUBLIC TEST DATA, shipped in this jar: never trust this certificate
 * anywhere but in tests and demos against a local emulator.
 */
final class Tls {

    private static final String KEYSTORE = "emulator-tls.p12";
    private static final String ALIAS = "emulator";
    // Not a secret: the key it protects is published with the source.
    private static final char[] PASSWORD = "emulator-public-test-key".toCharArray();

    private final KeyStore keyStore;
    private final Certificate certificate;

    private Tls(KeyStore keyStore) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.certificate = keyStore.getCertificate(ALIAS);
    }

    /** The bundled identity, loaded once per JVM: decrypting the PKCS12 store is slow on purpose. */
    static Tls bundled() {
        return Bundled.INSTANCE;
    }

    /** Lazy holder: loads the keystore on first use, thread-safely. */
    private static final class Bundled {
        static final Tls INSTANCE = load();
    }

    private static Tls load() {
        try (InputStream in = Tls.class.getResourceAsStream(KEYSTORE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + KEYSTORE + " is missing from the emulator jar");
            }
            var store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return new Tls(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator's TLS keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the emulator's TLS keystore", e);
        }
    }

    /** The server side: presents the bundled certificate. */
    SSLContext serverContext() {
        try {
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the emulator's TLS server context", e);
        }
    }

    /** A client context that trusts exactly the bundled certificate. */
    SSLContext clientContext() {
        try {
            var trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up a TLS client context for the emulator", e);
        }
    }

    /** The certificate in PEM form, for curl's {@code --cacert} or any other client's trust store. */
    String certificatePem() {
        try {
            var base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the emulator's certificate", e);
        }
    }
}
