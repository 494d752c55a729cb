package dev.lplogin.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceName;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The closed exception family of the ports: messages name the step, retryable() says whether waiting helps. */
class InfrastructureExceptionTest {

    private final IOException cause = new IOException("connection reset");

    @Test
    void the_family_has_exactly_five_members() {
        assertThat(InfrastructureException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                ServiceUnavailableException.class, ProtocolViolationException.class, DomainNotFoundException.class,
                RequestRejectedException.class, StoreException.class);
    }

    @Test
    void operations_have_human_labels() {
        assertThat(Operation.values()).extracting(Operation::label)
                .containsExactly("domain lookup", "login", "refresh", "logout", "session store",
                        "call to a LivePerson API");
        assertThat(Operation.REFRESH).hasToString("refresh");
    }

    @Test
    void service_unavailable_is_retryable_and_names_the_operation() {
        var e = new ServiceUnavailableException(Operation.LOGIN, "HTTP 503 after 3 retries", cause);

        assertThat(e).hasMessage("login: HTTP 503 after 3 retries").hasCause(cause);
        assertThat(e.operation()).isEqualTo(Operation.LOGIN);
        assertThat(e.retryable()).isTrue();
        assertThat(new ServiceUnavailableException(Operation.DOMAIN_LOOKUP, "timed out"))
                .hasMessage("domain lookup: timed out").hasNoCause();
    }

    @Test
    void protocol_violation_is_not_retryable() {
        var e = new ProtocolViolationException(Operation.REFRESH, "malformed JSON", cause);

        assertThat(e).hasMessage("refresh: malformed JSON").hasCause(cause);
        assertThat(e.retryable()).isFalse();
        assertThat(new ProtocolViolationException(Operation.LOGIN, "no config.userId"))
                .hasMessage("login: no config.userId").hasNoCause();
    }

    @Test
    void request_rejected_is_not_retryable_and_keeps_the_status() {
        var e = new RequestRejectedException(Operation.LOGOUT, 400, "bad request body");

        assertThat(e).hasMessage("logout: HTTP 400: bad request body");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.operation()).isEqualTo(Operation.LOGOUT);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void domain_not_found_names_account_and_service_and_is_not_retryable() {
        var e = new DomainNotFoundException(AccountId.of("12345678"), ServiceName.LOGIN);

        assertThat(e).hasMessage("domain lookup: no host for service 'agentVep' of account 12345678; "
                + "check the account id (and the Domain API address, if one is configured)").hasNoCause();
        assertThat(e.account()).isEqualTo(AccountId.of("12345678"));
        assertThat(e.service()).isEqualTo(ServiceName.LOGIN);
        assertThat(e.operation()).isEqualTo(Operation.DOMAIN_LOOKUP);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void domain_not_found_rejects_nulls() {
        assertThatThrownBy(() -> new DomainNotFoundException(null, ServiceName.LOGIN))
                .isInstanceOf(NullPointerException.class).hasMessage("account");
        assertThatThrownBy(() -> new DomainNotFoundException(AccountId.of("1"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("service");
    }

    @Test
    void store_failures_say_whether_a_retry_may_help() {
        var busy = new StoreException("lock busy", null, true);
        var perms = new StoreException("file is readable by others", cause, false);

        assertThat(busy).hasMessage("session store: lock busy");
        assertThat(busy.retryable()).isTrue();
        assertThat(perms.retryable()).isFalse();
        assertThat(perms).hasCause(cause);
        assertThat(perms.operation()).isEqualTo(Operation.STORE);
    }

    @Test
    void operation_and_message_are_required() {
        assertThatThrownBy(() -> new ServiceUnavailableException(null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("operation");
        assertThatThrownBy(() -> new ProtocolViolationException(Operation.LOGIN, null))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
        assertThatThrownBy(() -> new StoreException(null, null, false)).isInstanceOf(NullPointerException.class)
                .hasMessage("message");
    }

    @Test
    void all_are_unchecked() {
        assertThat(RuntimeException.class).isAssignableFrom(InfrastructureException.class);
    }
}
