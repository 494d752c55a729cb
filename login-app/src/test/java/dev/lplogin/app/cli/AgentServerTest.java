package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.adapter.http.HttpSettings;
import dev.lplogin.adapter.http.HttpTransport;
import dev.lplogin.calls.LivePersonCalls;
import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionInfo;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's listener in this JVM over a core whose {@code bearer()} fails as a broken store or a bug would: what a
 * caller learns from the answer. (The listener against the real core and emulator is {@link AgentIT}.)
 */
class AgentServerTest {

    private static final SessionKey KEY = new SessionKey(AccountId.of("12345678"), "bot");

    private AgentServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpTransport transport = HttpTransport.create(HttpSettings.builder().build()); // for the proxy

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        http.close();
        transport.close();
    }

    @Test
    void a_store_error_is_503_with_its_message() throws Exception {
        AgentKey key = start(k -> {
            throw new StoreException("cannot read /var/lib/lp-login/store (Connection refused)", null, true);
        });

        HttpResponse<String> answer = token(key);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("session store").contains("Connection refused");
    }

    @Test
    void an_unexpected_error_is_500_and_its_message_stays_in_the_agent() throws Exception {
        AgentKey key = start(k -> {
            throw new IllegalStateException("internal detail: /home/alice/.secret-place");
        });

        HttpResponse<String> answer = token(key);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).startsWith("internal error").doesNotContain("internal detail")
                .doesNotContain("alice");
    }

    private HttpResponse<String> token(AgentKey key) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url().resolve("/v1/token")).header(AgentKey.HEADER,
                key.reveal()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private AgentKey start(Function<SessionKey, Secret> bearer) {
        AgentKey key = AgentKey.generate();
        List<AgentTarget> targets = List.of(new AgentTarget(KEY, Optional.empty(), Optional.empty(),
                Optional.empty()));
        Output output = new Output(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false,
                false);
        FailingCore core = new FailingCore(bearer);
        server = AgentServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .serve(key, core, targets, new AgentSinks(targets, output, Clock.systemUTC()), Optional::empty,
                        Clock.systemUTC(), new AgentProxy(new LivePersonCalls(core, transport), targets));
        return key;
    }

    /** A core whose bearer() is {@code bearer}; nothing else is called by the token endpoint. */
    private record FailingCore(Function<SessionKey, Secret> bearer) implements LoginUseCase {
        @Override
        public Secret bearer(SessionKey key) {
            return bearer.apply(key);
        }

        @Override
        public LoginOutcome login(AccountId account, Credentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void useCredentials(AccountId account, Credentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SessionInfo refresh(SessionKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void invalidate(SessionKey key, Secret rejectedBearer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean logout(SessionKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServiceHost serviceHost(AccountId account, ServiceName service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<ServiceName, ServiceHost> serviceHosts(AccountId account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int logoutAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SessionInfo> sessions() {
            return List.of();
        }

        @Override
        public Optional<SessionInfo> session(SessionKey key) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
