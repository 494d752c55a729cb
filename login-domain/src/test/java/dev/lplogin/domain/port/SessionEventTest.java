package dev.lplogin.domain.port;

import static dev.lplogin.domain.model.SessionFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SessionEventTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void every_event_carries_its_key_and_time() {
        List<SessionEvent> events = List.of(new SessionEvent.LoggedIn(KEY, AT, true),
                new SessionEvent.ReusedStored(KEY, AT), new SessionEvent.Refreshed(KEY, AT),
                new SessionEvent.RefreshFailed(KEY, AT, "timeout"), new SessionEvent.LoggedOut(KEY, AT),
                new SessionEvent.GaveUp(KEY, AT, "blocked"),
                new SessionEvent.CompetingLogin(KEY, AT, 3, "share a store"),
                new SessionEvent.Waited(KEY, AT, java.time.Duration.ofMillis(5)));

        assertThat(events).extracting(SessionEvent::key).containsOnly(KEY);
        assertThat(events).extracting(SessionEvent::at).containsOnly(AT);
        assertThat(events).<Class<?>>extracting(e -> e.getClass())
                .containsExactlyInAnyOrder(SessionEvent.class.getPermittedSubclasses());
    }

    @Test
    void every_event_rejects_a_null_key_or_time() {
        List<ThrowingCallable> nullKeys = List.of(() -> new SessionEvent.LoggedIn(null, AT, false),
                () -> new SessionEvent.ReusedStored(null, AT), () -> new SessionEvent.Refreshed(null, AT),
                () -> new SessionEvent.RefreshFailed(null, AT, "r"), () -> new SessionEvent.LoggedOut(null, AT),
                () -> new SessionEvent.GaveUp(null, AT, "r"), () -> new SessionEvent.CompetingLogin(null, AT, 1, "a"));
        List<ThrowingCallable> nullTimes = List.of(() -> new SessionEvent.LoggedIn(KEY, null, false),
                () -> new SessionEvent.ReusedStored(KEY, null), () -> new SessionEvent.Refreshed(KEY, null),
                () -> new SessionEvent.RefreshFailed(KEY, null, "r"), () -> new SessionEvent.LoggedOut(KEY, null),
                () -> new SessionEvent.GaveUp(KEY, null, "r"),
                () -> new SessionEvent.CompetingLogin(KEY, null, 1, "a"));

        nullKeys.forEach(c -> assertThatThrownBy(c).isInstanceOf(NullPointerException.class).hasMessage("key"));
        nullTimes.forEach(c -> assertThatThrownBy(c).isInstanceOf(NullPointerException.class).hasMessage("at"));
    }

    @Test
    void reasons_and_advice_are_required() {
        assertThatThrownBy(() -> new SessionEvent.RefreshFailed(KEY, AT, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
        assertThatThrownBy(() -> new SessionEvent.GaveUp(KEY, AT, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
        assertThatThrownBy(() -> new SessionEvent.CompetingLogin(KEY, AT, 2, null))
                .isInstanceOf(NullPointerException.class).hasMessage("advice");
    }
}
