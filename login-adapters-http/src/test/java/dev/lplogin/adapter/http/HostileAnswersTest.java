package dev.lplogin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.emulator.DemoAccount;
import dev.lplogin.emulator.Endpoint;
import dev.lplogin.emulator.Fault;
import dev.lplogin.testkit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers a compromised or broken server (or a man in the middle) could send, against the emulator's hostile-answer
 * faults: each is refused with a clear message naming what is wrong, never taken, never an "unexpected error".
 */
class HostileAnswersTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.https();

    @TempDir
    static Path certificates;

    private final Credentials demo = new Credentials.UserPassword(DemoAccount.USERNAME,
            Secret.of(DemoAccount.PASSWORD));
    private HttpTransport transport;
    private HttpAuthGateway gateway;
    private HttpDomainLookup lookup;

    @BeforeEach
    void connect() {
        transport = HttpTransport.create(TestSettings.fast(EMULATOR.emulator(), certificates));
        gateway = new HttpAuthGateway(transport, InstantSource.system());
        lookup = new HttpDomainLookup(transport, InstantSource.system());
    }

    @AfterEach
    void close() {
        transport.close();
    }

    private LoginOutcome login() {
        AccountId account = AccountId.of(DemoAccount.ACCOUNT_ID);
        return gateway.login(account, lookup.lookup(account, ServiceName.LOGIN), demo);
    }

    @Test
    void a_bearer_with_a_line_break_is_refused() {
        EMULATOR.emulator().inject(Fault.hostile(Endpoint.LOGIN, Fault.Mode.BEARER_NEWLINE, 1));

        assertThatThrownBy(this::login).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("the login answer cannot be used: its bearer is not one HTTP header value")
                .hasMessageContaining("a control character").hasMessageNotContaining("X-Injected");
    }

    @Test
    void a_bearer_of_900_kb_is_refused() {
        EMULATOR.emulator().inject(Fault.hostile(Endpoint.LOGIN, Fault.Mode.HUGE_BEARER, 1));

        assertThatThrownBy(this::login).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("its bearer is not one HTTP header value of sane length")
                .hasMessageContaining("921600 characters, at most " + LoginAnswers.MAX_TOKEN_CHARS);
    }

    @Test
    void deeply_nested_json_is_a_clear_protocol_error() {
        EMULATOR.emulator().inject(Fault.hostile(Endpoint.LOGIN, Fault.Mode.DEEP_JSON, 1));

        assertThatThrownBy(this::login).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("login answer")
                .hasMessageContaining("nested deeper than " + HttpTransport.MAX_JSON_DEPTH);
    }

    @Test
    void a_retry_after_of_999999999_seconds_is_capped() {
        EMULATOR.emulator().inject(Fault.status(Endpoint.LOGIN, 429, Duration.ofSeconds(999_999_999), 1));

        LoginOutcome outcome = login();

        assertThat(outcome).isInstanceOfSatisfying(RateLimited.class,
                limited -> assertThat(limited.retryAfter()).isEqualTo(RetryAfter.MAX_WAIT));
    }
}
