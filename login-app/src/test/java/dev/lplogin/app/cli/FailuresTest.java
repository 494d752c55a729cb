package dev.lplogin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.AccountId;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.Blocked;
import dev.lplogin.domain.port.CredentialsRejected;
import dev.lplogin.domain.port.DomainNotFoundException;
import dev.lplogin.domain.port.Operation;
import dev.lplogin.domain.port.ProtocolViolationException;
import dev.lplogin.domain.port.RateLimited;
import dev.lplogin.domain.port.ServiceUnavailableException;
import dev.lplogin.domain.port.StoreException;
import dev.lplogin.domain.usecase.SessionUnavailableException;
import dev.lplogin.domain.usecase.SessionUnavailableException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every failure maps to its documented exit code with a message that names what failed and a hint. */
class FailuresTest {

    private static final SessionKey KEY = SessionKey.of("12345678", "bob");

    @Test
    void outages_exit_6_and_name_the_step() {
        CliException e = Failures.translate(new ServiceUnavailableException(Operation.DOMAIN_LOOKUP,
                "cannot connect to https://csds.example"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(e.getMessage()).contains("domain lookup").contains("csds.example");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("--csds"));
    }

    @Test
    void an_unknown_account_is_bad_input() {
        DomainNotFoundException unknown = new DomainNotFoundException(AccountId.of("999"), ServiceName.LOGIN);
        CliException e = Failures.translate(unknown);
        CliException wrapped = Failures.translate(new SessionUnavailableException(KEY, Reason.UNAVAILABLE,
                "could not log in", null, unknown));

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("999");
        assertThat(wrapped.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void session_unavailable_maps_by_reason_and_keeps_the_step_of_its_cause() {
        assertThat(code(Reason.NOT_LOGGED_IN)).isEqualTo(7);
        assertThat(code(Reason.CREDENTIALS_REJECTED)).isEqualTo(3);
        assertThat(code(Reason.BLOCKED)).isEqualTo(4);
        assertThat(code(Reason.RATE_LIMITED)).isEqualTo(5);
        assertThat(code(Reason.UNAVAILABLE)).isEqualTo(6);

        CliException e = Failures.translate(new SessionUnavailableException(KEY, Reason.UNAVAILABLE,
                "no session for 12345678/bob", null,
                new ServiceUnavailableException(Operation.REFRESH, "HTTP 503")));
        assertThat(e.getMessage()).contains("refresh: HTTP 503");
    }

    @Test
    void login_outcomes_map_to_3_4_5() {
        assertThat(Failures.rejected(KEY, new CredentialsRejected("")).exitCode().code()).isEqualTo(3);
        assertThat(Failures.blocked(KEY, new Blocked("blocked")).exitCode().code()).isEqualTo(4);
        CliException limited = Failures.rateLimited(KEY, new RateLimited(Duration.ofSeconds(5)));
        assertThat(limited.exitCode().code()).isEqualTo(5);
        assertThat(limited.hint()).hasValueSatisfying(h -> assertThat(h).contains("5s"));
    }

    @Test
    void bad_arguments_are_usage_errors_and_everything_else_is_1() {
        assertThat(Failures.translate(new IllegalArgumentException("bad")).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Failures.translate(new StoreException("unreadable", null, false)).exitCode())
                .isEqualTo(ExitCode.STORE_UNUSABLE);
        assertThat(Failures.translate(new SessionUnavailableException(KEY, SessionUnavailableException.Reason.UNAVAILABLE,
                "x", null, new StoreException("sealed with another store key", null, false))).exitCode().code())
                .as("a stored session that cannot be opened, however the core reports it").isEqualTo(8);
        assertThat(Failures.translate(new ProtocolViolationException(Operation.LOGIN, "no userId")).exitCode())
                .isEqualTo(ExitCode.FAILURE);
        CliException unknown = Failures.translate(new IllegalStateException("boom"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(unknown.hint()).hasValueSatisfying(h -> assertThat(h).contains("--verbose"));
        assertThat(unknown.getMessage()).isEqualTo("unexpected error: boom");
        assertThat(unknown.getCause()).as("the class is shown with --verbose, in the stack trace")
                .isInstanceOf(IllegalStateException.class);
        assertThat(Failures.translate(new NullPointerException()).getMessage()).isEqualTo("unexpected error (no details)");
    }

    private static int code(Reason reason) {
        return Failures.translate(new SessionUnavailableException(KEY, reason, "x", null, null)).exitCode().code();
    }
}
