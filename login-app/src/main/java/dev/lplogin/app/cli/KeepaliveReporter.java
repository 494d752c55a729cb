package dev.lplogin.app.cli;

import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Shows what {@code keepalive} does, one line per event, and counts it for the summary. Thread-safe. */
final class KeepaliveReporter implements SessionListener {

    private final Output output;
    private final Clock clock;
    private final Instant started;
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();

    KeepaliveReporter(Output output, Clock clock) {
        this.output = output;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public void onEvent(SessionEvent event) {
        String what = switch (event) {
            case SessionEvent.LoggedIn in -> {
                logins.incrementAndGet();
                yield in.relogin() ? "logged in again (the session had died)" : "logged in";
            }
            case SessionEvent.ReusedStored reused -> "picked up the stored session";
            case SessionEvent.Refreshed refreshed -> {
                refreshes.incrementAndGet();
                yield "refreshed";
            }
            case SessionEvent.RefreshFailed failed -> {
                failures.incrementAndGet();
                yield "refresh failed: " + failed.reason();
            }
            case SessionEvent.LoggedOut out -> {
                logouts.incrementAndGet();
                yield "logged out";
            }
            case SessionEvent.GaveUp gaveUp -> {
                failures.incrementAndGet();
                yield "gave up: " + gaveUp.reason();
            }
            case SessionEvent.CompetingLogin competing -> "warning: " + competing.killedRecently()
                    + " sessions killed soon after login; " + competing.advice();
            case SessionEvent.Waited waited -> null; // a caller's wait, not a change of the session
        };
        if (what == null) {
            return;
        }
        String kind = event.getClass().getSimpleName();
        LocalTime time = LocalTime.ofInstant(event.at(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
        output.result(time + "  " + event.key() + "  " + what, () -> Json.object()
                .put("time", event.at().truncatedTo(ChronoUnit.MILLIS))
                .put("event", Character.toLowerCase(kind.charAt(0)) + kind.substring(1))
                .put("account", event.key().account().value())
                .put("user", event.key().loginName())
                .put("detail", what));
    }

    /** The closing summary: how long it ran and what it did. */
    void summary(int sessions) {
        Duration ran = Duration.between(started, clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        output.result("keepalive stopped after " + Formats.duration(ran) + ": " + String.join(", ",
                Formats.count(sessions, "session"), Formats.count(refreshes.get(), "refresh"),
                Formats.count(logins.get(), "login"), Formats.count(failures.get(), "failure"),
                Formats.count(logouts.get(), "logout")), () -> Json.object()
                        .put("event", "summary")
                        .put("seconds", ran.toSeconds())
                        .put("sessions", sessions)
                        .put("refreshes", refreshes.get())
                        .put("logins", logins.get())
                        .put("failures", failures.get())
                        .put("logouts", logouts.get()));
    }
}
