package dev.lplogin.app.cli;

import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The agent's log: one line on stderr per login, re-login, refresh failure, give-up or logout — never a secret — so
 * that stdout stays the listener's URL for whoever started the agent. Routine refreshes are not logged (they are
 * counted in {@code /metrics}). Thread-safe.
 */
final class AgentReporter implements SessionListener {

    private final Output output;

    AgentReporter(Output output) {
        this.output = output;
    }

    @Override
    public void onEvent(SessionEvent event) {
        describe(event).ifPresent(what -> {
            if (output.json()) {
                String kind = event.getClass().getSimpleName();
                output.note(Json.object()
                        .put("time", event.at().truncatedTo(ChronoUnit.MILLIS))
                        .put("event", Character.toLowerCase(kind.charAt(0)) + kind.substring(1))
                        .put("account", event.key().account().value())
                        .put("user", event.key().loginName())
                        .put("detail", what).toString());
            } else {
                LocalTime time = LocalTime.ofInstant(event.at(), ZoneId.systemDefault())
                        .truncatedTo(ChronoUnit.SECONDS);
                output.note(time + "  " + event.key() + "  " + what);
            }
        });
    }

    /** What to log for {@code event}, or nothing. */
    static Optional<String> describe(SessionEvent event) {
        return switch (event) {
            case SessionEvent.LoggedIn in -> Optional.of(in.relogin() ? "logged in again (the session had died)"
                    : "logged in");
            case SessionEvent.ReusedStored reused -> Optional.of("picked up the stored session");
            case SessionEvent.Refreshed refreshed -> Optional.empty();
            case SessionEvent.RefreshFailed failed -> Optional.of("refresh failed: " + failed.reason());
            case SessionEvent.LoggedOut out -> Optional.of("logged out");
            case SessionEvent.GaveUp gaveUp -> Optional.of("gave up: " + gaveUp.reason());
            case SessionEvent.CompetingLogin competing -> Optional.of("warning: " + competing.killedRecently()
                    + " sessions killed soon after login; " + competing.advice());
            case SessionEvent.Waited waited -> Optional.empty();
        };
    }
}
