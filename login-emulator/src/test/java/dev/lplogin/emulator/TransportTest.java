package dev.lplogin.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP and HTTPS, the certificate clients trust, binding and ports. */
class TransportTest {

    private static final String AGENT_VEP = "/api/account/12345678/service/agentVep/baseURI.json?version=1.0";

    @Test
    void plainHttpServesTheSameApiWithANonSecureCookie() {
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withHttps(false))) {
            var client = new RawClient(emulator);

            assertThat(emulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
            assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);
            var login = client.loginRaw("12345678", RawClient.userBody("demo", "demo-password"));
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                    cookie -> assertThat(cookie).doesNotContain("Secure").endsWith("; Path=/; HttpOnly"));
        }
    }

    @Test
    void theWrittenPemIsTrustedForBoth127001AndLocalhost(@TempDir Path dir) throws Exception {
        try (var emulator = LoginEmulator.start()) {
            Path pem = dir.resolve("emulator.pem");
            emulator.writeCertificatePem(pem);
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----\n")
                    .endsWith("-----END CERTIFICATE-----\n").isEqualTo(emulator.certificatePem());

            var trusting = HttpClient.newBuilder().sslContext(trusting(pem)).build();
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                var uri = URI.create("https://" + host + ":" + emulator.port() + AGENT_VEP);
                var response = trusting.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(host).isEqualTo(200);
            }
        }
    }

    @Test
    void clientsThatDoNotTrustTheCertificateAreRefused() {
        try (var emulator = LoginEmulator.start()) {
            var defaultTrust = HttpClient.newHttpClient();
            var request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + AGENT_VEP)).build();

            assertThatThrownBy(() -> defaultTrust.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void startsOnAGivenPortAndReportsATakenOne() throws IOException {
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withPort(port))) {
            assertThat(emulator.port()).isEqualTo(port);
            assertThat(emulator.authority()).isEqualTo("127.0.0.1:" + port);

            assertThatThrownBy(() -> LoginEmulator.start(EmulatorConfig.defaults().withPort(port)))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("cannot start the emulator on 127.0.0.1:" + port);
        }
    }

    @Test
    void closeStopsServing() {
        var emulator = LoginEmulator.start(EmulatorConfig.defaults().withHttps(false));
        var client = new RawClient(emulator);
        assertThat(client.get(AGENT_VEP).statusCode()).isEqualTo(200);

        emulator.close();

        assertThatThrownBy(() -> new RawClient(emulator).get(AGENT_VEP)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void emulatorsAreIndependent() {
        try (var one = LoginEmulator.start(); var two = LoginEmulator.start()) {
            var login = new RawClient(one).loginDemo();

            assertThat(one.port()).isNotEqualTo(two.port());
            assertThat(one.isBearerValid(login.bearer())).isTrue();
            assertThat(two.isBearerValid(login.bearer())).isFalse();
        }
    }

    private static SSLContext trusting(Path pem) throws Exception {
        var certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("emulator", certificate);
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
