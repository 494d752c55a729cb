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
import java.time.Duration;
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
    void ipv6LoopbackWorksOverHttpsToo() throws Exception {
        var ipv6 = java.net.InetAddress.getByName("::1");
        try (var probe = new ServerSocket(0, 1, ipv6)) {
            probe.getLocalPort();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here");
        }
        try (var emulator = LoginEmulator.start(EmulatorConfig.defaults().withBindAddress(ipv6))) {
            assertThat(emulator.authority()).isEqualTo("[0:0:0:0:0:0:0:1]:" + emulator.port());

            assertThat(new RawClient(emulator).get(AGENT_VEP).statusCode()).isEqualTo(200);
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
        emulator.close();

        assertThatThrownBy(() -> new RawClient(emulator).get(AGENT_VEP)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void closeDoesNotWaitForDelayedAnswers() {
        var emulator = LoginEmulator.start(EmulatorConfig.defaults().withHttps(false));
        var client = new RawClient(emulator);
        emulator.inject(Fault.delay(Endpoint.CSDS, Duration.ofMinutes(5), 1));
        var pending = client.http().sendAsync(HttpRequest.newBuilder(client.uri(AGENT_VEP)).build(),
                HttpResponse.BodyHandlers.ofString());

        long start = System.nanoTime();
        emulator.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(pending).failsWithin(Duration.ofSeconds(10));
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

    @Test
    void adminEndpointsRefuseNonLoopbackClients() throws Exception {
        var lanAddress = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> isUp(nic) && !isLoopback(nic))
                .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address)
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(lanAddress.isPresent(), "needs a non-loopback IPv4 address");
        var config = EmulatorConfig.defaults().withHttps(false)
                .withBindAddress(java.net.InetAddress.getByName("0.0.0.0"));
        try (var emulator = LoginEmulator.start(config)) {
            var client = new RawClient(emulator).http();
            String base = "http://" + lanAddress.get().getHostAddress() + ":" + emulator.port();

            var stats = client.send(HttpRequest.newBuilder(URI.create(base + "/_emulator/stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var csds = client.send(HttpRequest.newBuilder(URI.create(base + AGENT_VEP)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(stats.statusCode()).isEqualTo(403);
            assertThat(RawClient.error(stats)).containsEntry("responseStatus", "FORBIDDEN");
            assertThat(csds.statusCode()).isEqualTo(200);
            assertThat(emulator.authority()).isEqualTo("127.0.0.1:" + emulator.port());
        }
    }

    private static boolean isUp(java.net.NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(java.net.NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
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
