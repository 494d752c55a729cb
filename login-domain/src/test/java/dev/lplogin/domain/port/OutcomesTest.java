package dev.lplogin.domain.port;

import static dev.lplogin.domain.model.SessionFixtures.KEY;
import static dev.lplogin.domain.model.SessionFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lplogin.domain.model.ServiceHost;
import dev.lplogin.domain.model.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outcome values callers branch on (spec §3.1–3.4) and the store's result types. */
class OutcomesTest {

    @Test
    void login_and_refresh_outcomes_are_closed_sets() {
        assertThat(LoginOutcome.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(LoggedIn.class, CredentialsRejected.class, Blocked.class, RateLimited.class);
        assertThat(RefreshOutcome.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Refreshed.class, SessionGone.class, Blocked.class, RateLimited.class);
        assertThat(SaveResult.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(SaveResult.Saved.class, SaveResult.Conflict.class, SaveResult.Fenced.class);
    }

    @Test
    void details_are_required_but_may_be_empty() {
        assertThat(new Blocked("").detail()).isEmpty();
        assertThat(new CredentialsRejected("").detail()).isEmpty();
        assertThatThrownBy(() -> new Blocked(null)).isInstanceOf(NullPointerException.class).hasMessage("detail");
        assertThatThrownBy(() -> new CredentialsRejected(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("detail");
    }

    @Test
    void rate_limited_needs_a_wait_that_is_not_negative() {
        assertThat(new RateLimited(Duration.ZERO).retryAfter()).isZero();
        assertThatThrownBy(() -> new RateLimited(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry after must not be negative");
        assertThatThrownBy(() -> new RateLimited(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("retry after");
    }

    @Test
    void logged_in_requires_a_session_and_copies_the_services() {
        Map<ServiceName, ServiceHost> services = new HashMap<>();
        services.put(ServiceName.LOGIN, ServiceHost.of("va.agentvep.liveperson.net"));

        LoggedIn loggedIn = new LoggedIn(session(), services);
        services.clear();

        assertThat(loggedIn.services()).containsExactly(
                Map.entry(ServiceName.LOGIN, ServiceHost.of("va.agentvep.liveperson.net")));
        assertThatThrownBy(() -> loggedIn.services().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new LoggedIn(session(), Map.of()).services()).isEmpty();
        assertThatThrownBy(() -> new LoggedIn(null, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("session");
        assertThatThrownBy(() -> new LoggedIn(session(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("services");
    }

    @Test
    void refreshed_requires_a_session() {
        assertThat(new Refreshed(session()).session()).isEqualTo(session());
        assertThatThrownBy(() -> new Refreshed(null)).isInstanceOf(NullPointerException.class).hasMessage("session");
    }

    @Test
    void session_gone_tells_a_csrf_mismatch_apart() {
        assertThat(new SessionGone(true).csrfMismatch()).isTrue();
        assertThat(new SessionGone(false).csrfMismatch()).isFalse();
        assertThat(new SessionGone(true)).isNotEqualTo(new SessionGone(false));
    }

    @Test
    void logout_outcomes_are_logged_out_and_already_gone() {
        assertThat(LogoutOutcome.values()).containsExactly(LogoutOutcome.LOGGED_OUT, LogoutOutcome.ALREADY_GONE);
    }

    @Test
    void save_results_require_their_parts() {
        assertThat(new SaveResult.Saved(session()).session()).isEqualTo(session());
        assertThat(new SaveResult.Conflict(Optional.empty()).current()).isEmpty();
        assertThatThrownBy(() -> new SaveResult.Saved(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("session");
        assertThatThrownBy(() -> new SaveResult.Conflict(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("current");
        assertThatThrownBy(() -> new SaveResult.Fenced(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("current");
    }

    @Test
    void lease_requires_its_parts() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(new Lease(KEY, "t-1", 1, at)).isEqualTo(new Lease(KEY, "t-1", 1, at))
                .isNotEqualTo(new Lease(KEY, "t-2", 1, at));
        assertThatThrownBy(() -> new Lease(null, "t", 1, at)).isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        assertThatThrownBy(() -> new Lease(KEY, null, 1, at)).isInstanceOf(NullPointerException.class)
                .hasMessage("token");
        assertThatThrownBy(() -> new Lease(KEY, "t", 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("expires at");
        assertThatThrownBy(() -> new Lease(KEY, "t", 0, at)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a lease's fence must be positive, got 0");
        Lease renewed = new Lease(KEY, "t", 7, at).withExpiry(at.plusSeconds(30));
        assertThat(renewed).isEqualTo(new Lease(KEY, "t", 7, at.plusSeconds(30)));
    }
}
