package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.testkit.EmulatorExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapters' messages say what happened in a user's words: the host, what went wrong, how often it was tried;
 * never a Java class name, a CLI flag or the CLI's prefix. The exception that caused it stays the cause.
 */
class AdapterMessagesTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private static final AccountId ACCOUNT = AccountId.of(DemoAccount.ACCOUNT_ID);
    private static final Credentials DEMO = new Credentials.UserPassword(DemoAccount.USERNAME,
            Secret.of(DemoAccount.PASSWORD));

    @Test
    void a_refused_connection_names_the_host_the_reason_and_the_attempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HttpTransport transport = HttpTransport.create(TestSettings.fast(URI.create("https://127.0.0.1:1")))) {
            HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());

            assertThatThrownBy(() -> gateway.login(ACCOUNT, ServiceHost.of("127.0.0.1:" + closedPort), DEMO))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessage("login: could not connect to 127.0.0.1:" + closedPort
                            + ": connection refused, 4 attempts")
                    .hasCauseInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void a_connection_closed_without_an_answer_says_so() {
        EMULATOR.emulator().inject(Fault.reset(Endpoint.LOGIN, 4));
        // Patient, so that on a loaded machine no attempt times out instead of seeing the reset.
        HttpSettings patient = TestSettings.fast(EMULATOR.emulator(), certificates).toBuilder()
                .requestTimeout(Duration.ofSeconds(30)).build();
        try (HttpTransport transport = HttpTransport.create(patient)) {
            HttpAuthGateway gateway = new HttpAuthGateway(transport, InstantSource.system());

            assertThatThrownBy(() -> gateway.login(ACCOUNT, ServiceHost.of(EMULATOR.emulator().authority()), DEMO))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessage("login: the connection to " + EMULATOR.emulator().authority()
                            + " failed: the connection closed before the answer was complete, 4 attempts");
        }
    }

    @Test
    void an_untrusted_certificate_says_why_and_what_to_configure_without_naming_a_flag() {
        try (HttpTransport transport = HttpTransport.create(TestSettings.fast(EMULATOR.emulator().baseUrl()))) {
            HttpDomainLookup lookup = new HttpDomainLookup(transport, InstantSource.system());

            assertThatThrownBy(() -> lookup.lookupAll(ACCOUNT))
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessage("domain lookup: no trusted TLS connection to " + EMULATOR.emulator().authority()
                            + ": its certificate is not signed by an authority this JVM trusts; to trust a private "
                            + "certificate (the emulator's, say), configure it as the extra trusted certificate");
        }
    }
}
