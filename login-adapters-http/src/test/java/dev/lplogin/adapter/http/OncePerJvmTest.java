package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.TunnelProxy;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the JDK decides once per JVM, each case in a fresh JVM ({@link ChildClientJvm}) against the emulator in this one:
 * Basic credentials for a proxy tunnel, the JVM's own proxy properties, and the idle-connection timeout. Counts come
 * from the emulator's stats (requests, TCP connections) and from a real CONNECT proxy ({@link TunnelProxy}).
 */
class OncePerJvmTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private static Path pem;

    @BeforeAll
    static void writeCertificate() {
        pem = certificates.resolve("emulator.pem");
        EMULATOR.emulator().writeCertificatePem(pem);
    }

    private static LoginEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** A child with no pause and the transport's default idle-connection timeout. */
    private static ChildClientJvm.Result child(Map<String, String> env, List<String> options) throws Exception {
        return ChildClientJvm.run(env, options, emulator().baseUrl().toString(), pem.toString(), "0");
    }

    /** A child that pauses {@code idleMillis} between login and refresh, its transport set to {@code idleSeconds}. */
    private static ChildClientJvm.Result idleChild(List<String> options, long idleMillis, long idleSeconds)
            throws Exception {
        return ChildClientJvm.run(Map.of(), options, emulator().baseUrl().toString(), pem.toString(),
                Long.toString(idleMillis), Long.toString(idleSeconds));
    }

    @Test
    void proxy_credentials_in_https_proxy_answer_the_proxys_407_and_are_never_printed() throws Exception {
        String password = "p@ss w:rd-7f3a";
        try (TunnelProxy proxy = TunnelProxy.requiring("proxy-user", password)) {
            ChildClientJvm.Result result = child(
                    Map.of("HTTPS_PROXY", "http://proxy-user:p%40ss%20w%3Ard-7f3a@127.0.0.1:" + proxy.port()),
                    List.of("-Dchild.verbose=true"));

            assertThat(result.output()).contains("ok");
            assertThat(result.exitCode()).isZero();
            assertThat(proxy.connects()).as("CONNECTs: one answered 407, one with credentials").isEqualTo(2);
            assertThat(proxy.tunnels()).as("one tunnel carried lookup, login and refresh").isEqualTo(1);
            assertThat(proxy.authorizations()).containsExactly("Basic " + Base64.getEncoder()
                    .encodeToString(("proxy-user:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(result.output()).as("every log line of the adapters and the JDK client, at FINEST")
                    .doesNotContain(password).doesNotContain("p%40ss").doesNotContain(proxy.authorizations().getFirst()
                            .substring("Basic ".length()));
            assertThat(emulator().stats().requests(Endpoint.REFRESH)).isEqualTo(1);
        }
    }

    @Test
    void wrong_proxy_credentials_fail_with_the_proxys_answer_and_no_secret() throws Exception {
        try (TunnelProxy proxy = TunnelProxy.requiring("proxy-user", "right")) {
            ChildClientJvm.Result result = child(Map.of("HTTPS_PROXY", "http://proxy-user:wrong-9c1e@127.0.0.1:"
                    + proxy.port()), List.of());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("failed: domain lookup: HTTP 407: the proxy refused the "
                            + "credentials in HTTPS_PROXY while connecting to " + emulator().authority()
                            + " through the proxy http://127.0.0.1:" + proxy.port())
                    .doesNotContain("wrong-9c1e").doesNotContain("Exception");
            assertThat(emulator().stats().requests(Endpoint.CSDS)).isZero();
        }
    }

    @Test
    void the_jvms_own_proxy_properties_win_over_https_proxy() throws Exception {
        try (TunnelProxy environment = TunnelProxy.open(); TunnelProxy jvm = TunnelProxy.open()) {
            ChildClientJvm.Result result = child(Map.of("HTTPS_PROXY", environment.url()),
                    List.of("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + jvm.port(),
                            "-Dhttp.nonProxyHosts="));   // the JDK's default would send loopback direct, see below

            assertThat(result.output()).contains("ok");
            assertThat(jvm.tunnels()).isEqualTo(1);
            assertThat(environment.connects()).isZero();
        }
    }

    @Test
    void the_jdk_itself_never_proxies_loopback_unless_non_proxy_hosts_is_set_empty() throws Exception {
        try (TunnelProxy jvm = TunnelProxy.open()) {
            ChildClientJvm.Result result = child(Map.of(), List.of("-Dhttps.proxyHost=127.0.0.1",
                    "-Dhttps.proxyPort=" + jvm.port()));

            assertThat(result.output()).contains("ok");
            assertThat(jvm.connects()).as("http.nonProxyHosts defaults to localhost|127.*|[::1]").isZero();
            assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(1);
        }
    }

    @Test
    void the_transport_sets_the_idle_connection_timeout_when_nobody_did() throws Exception {
        ChildClientJvm.Result result = idleChild(List.of(), 5000, 2);

        assertThat(result.output()).contains("ok");
        // At least 2, not exactly: on a very slow machine the login may already come more than 2 s after the lookup.
        // With the JDK's 30 s every request would share 1 connection, the child retries nothing.
        assertThat(emulator().stats().connections())
                .as("idle 5 s with a 2 s timeout: the refresh needs a new connection (the JDK's 30 s would not)")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void an_idle_connection_timeout_given_with_dash_d_wins() throws Exception {
        ChildClientJvm.Result result = idleChild(List.of("-Djdk.httpclient.keepalive.timeout=60"), 5000, 2);

        assertThat(result.output()).contains("ok");
        assertThat(emulator().stats().connections()).as("lookup, login and refresh on one connection").isEqualTo(1);
    }
}
