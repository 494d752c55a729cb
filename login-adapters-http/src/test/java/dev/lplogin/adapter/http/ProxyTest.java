package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.Refreshed;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.LoginEmulator;
import dev.lplogin.testkit.EmulatorExtension;
import dev.lplogin.testkit.TunnelProxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code HTTPS_PROXY} / {@code NO_PROXY} against the emulator over real loopback HTTPS, through a real CONNECT proxy
 * ({@link TunnelProxy}) that counts its tunnels: the count proves the traffic went through it (or not). Like curl,
 * and unlike the JDK's own {@code https.proxyHost}, the environment's proxy is used for loopback hosts too, which is
 * what lets the emulator on 127.0.0.1 stand in for LivePerson here. Proxy credentials and the JVM's own proxy
 * properties are tested in {@link OncePerJvmTest}: the JDK reads what they depend on once per JVM.
 */
class ProxyTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);

    private TunnelProxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = TunnelProxy.open();
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    private static LoginEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** A Domain API lookup, a login and three refreshes with settings taken from {@code environment}. */
    private static void lookUpLogInAndRefresh(Map<String, String> environment) {
        HttpSettings settings = TestSettings.fast(emulator(), certificates).toBuilder()
                .connectTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(30))
                .proxyEnvironment(environment).build();
        try (HttpTransport transport = HttpTransport.create(settings)) {
            ServiceHost host = new HttpDomainLookup(transport, InstantSource.system())
                    .lookup(ACCOUNT, ServiceName.LOGIN);
            HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());
            Session session = ((LoggedIn) gateway.login(ACCOUNT, host, new Credentials.UserPassword(
                    DemoAccount.USERNAME, Secret.of(DemoAccount.PASSWORD)))).session();
            for (int i = 0; i < 3; i++) {
                assertThat(gateway.refresh(session)).isInstanceOf(Refreshed.class);
            }
        }
        assertThat(emulator().stats().requests(Endpoint.LOGIN)).isEqualTo(1);
        assertThat(emulator().stats().requests(Endpoint.REFRESH)).isEqualTo(3);
    }

    /** Every connection the emulator saw was a tunnel of the proxy, and the tunnel was reused. */
    private void assertAllTrafficWentThroughTheProxy() {
        assertThat(proxy.targets()).as("tunnels opened, by target").isNotEmpty()
                .allMatch(emulator().authority()::equals);
        assertThat(emulator().stats().connections()).as("connections the emulator saw")
                .isEqualTo(proxy.tunnels());
        assertThat(proxy.tunnels()).as("tunnels for 1 lookup, 1 login and 3 refreshes (1 unless a slow machine "
                + "timed an attempt out)").isLessThan(5);
    }

    @Test
    void https_traffic_goes_through_the_proxy_of_https_proxy() {
        lookUpLogInAndRefresh(Map.of("HTTPS_PROXY", proxy.url()));

        assertAllTrafficWentThroughTheProxy();
    }

    @Test
    void lower_case_https_proxy_wins_over_upper_case() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        lookUpLogInAndRefresh(Map.of("https_proxy", proxy.url(), "HTTPS_PROXY", "http://127.0.0.1:" + closed));

        assertAllTrafficWentThroughTheProxy();
    }

    @ParameterizedTest(name = "NO_PROXY={0}")
    @ValueSource(strings = {"127.0.0.1", "localhost, 127.0.0.0/8", "*", "example.com,127.0.0.1:{port}"})
    void no_proxy_naming_the_host_sends_it_direct(String noProxy) {
        String list = noProxy.replace("{port}", Integer.toString(emulator().port()));

        lookUpLogInAndRefresh(Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", list));

        assertThat(proxy.connects()).as("CONNECT requests at the proxy").isZero();
    }

    @ParameterizedTest(name = "no_proxy={0}")
    @ValueSource(strings = {"example.com,10.0.0.0/8", "127.0.0.1:1", "localhost", ".0.0.1", ""})
    void no_proxy_naming_other_hosts_or_ports_keeps_the_proxy(String noProxy) {
        lookUpLogInAndRefresh(Map.of("HTTPS_PROXY", proxy.url(), "no_proxy", noProxy));

        assertAllTrafficWentThroughTheProxy();
    }

    @Test
    void a_proxy_that_is_down_is_named_in_the_message() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpSettings settings = TestSettings.fast(emulator(), certificates).toBuilder()
                .proxyEnvironment(Map.of("HTTPS_PROXY", "127.0.0.1:" + closed)).build();
        try (HttpTransport transport = HttpTransport.create(settings)) {
            assertThatThrownBy(() -> new HttpDomainLookup(transport, InstantSource.system()).lookupAll(ACCOUNT))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessage("domain lookup: could not connect to " + emulator().authority()
                            + " through the proxy http://127.0.0.1:" + closed + ": connection refused, 4 attempts");
        }
    }

    @Test
    void an_unusable_https_proxy_is_refused_naming_the_variable_and_never_its_credentials() {
        for (String bad : new String[] {"socks5://bob:hunter2@127.0.0.1:1080", "https://bob:hunter2@proxy:3128",
                "http://bob:hunter2@proxy:3128/path", "http://:hunter2@proxy:3128"}) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> HttpSettings.builder().proxyEnvironment(Map.of("HTTPS_PROXY", bad)))
                    .withMessageStartingWith("HTTPS_PROXY is not a usable proxy")
                    .withMessageNotContaining("hunter2").withMessageNotContaining("bob");
        }
    }

    @Test
    void proxy_credentials_are_decoded_and_never_shown() {
        HttpSettings settings = HttpSettings.builder()
                .proxyEnvironment(Map.of("HTTPS_PROXY", "http://b%40b:hun%3Ater%202@proxy.example.com:3128/"))
                .build();

        EnvironmentProxy proxy = settings.proxyFromEnvironment().orElseThrow();
        assertThat(proxy.user()).contains("b@b");
        assertThat(proxy.password().map(Secret::reveal)).contains("hun:ter 2");
        assertThat(settings.environmentProxy()).contains("http://proxy.example.com:3128");
        assertThat(settings.toString()).contains("http://proxy.example.com:3128 (with credentials)")
                .doesNotContain("hun").doesNotContain("b@b").doesNotContain("b%40b");
        assertThat(HttpSettings.builder().proxyEnvironment(Map.of("HTTPS_PROXY", "proxy")).build()
                .environmentProxy()).as("curl's default proxy port").contains("http://proxy:1080");
        assertThat(HttpSettings.builder().proxyEnvironment(Map.of("HTTPS_PROXY", " ", "PATH", "/bin")).build()
                .environmentProxy()).isEmpty();
    }
}
