package dev.lplogin.adapter.metrics;

import dev.lplogin.domain.port.SessionEvent;
import dev.lplogin.domain.port.SessionListener;
import java.util.Objects;

/**
 * A {@link SessionListener} that counts the core's events ({@code lplogin.session.events}), the re-logins by reason
 * ({@code lplogin.relogins}: {@code session_gone} when a refresh had found the session killed, {@code expired}
 * otherwise — it outlived its idle timeout or maximum age, or a caller reported its bearer refused) and the
 * competing-login warnings ({@code lplogin.competing.logins}) and how long callers of {@code bearer()} waited for a
 * session ({@code lplogin.bearer.waits}), then passes each event on to the next listener.
 */
public final class MeteredSessionListener implements SessionListener {

    private final SessionListener next;
    private final Meters meters;

    MeteredSessionListener(SessionListener next, Meters meters) {
        this.next = Objects.requireNonNull(next, "next");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public void onEvent(SessionEvent event) {
        switch (event) {
            case SessionEvent.LoggedIn in -> {
                meters.event(in.relogin() ? "relogin" : "logged_in");
                if (in.relogin()) {
                    meters.relogin(meters.takeGone(in.key()) ? "session_gone" : "expired");
                } else {
                    meters.takeGone(in.key());
                }
            }
            case SessionEvent.ReusedStored reused -> meters.event("reused_stored");
            case SessionEvent.Refreshed refreshed -> meters.event("refreshed");
            case SessionEvent.RefreshFailed failed -> meters.event("refresh_failed");
            case SessionEvent.LoggedOut out -> meters.event("logged_out");
            case SessionEvent.GaveUp gaveUp -> meters.event("gave_up");
            case SessionEvent.CompetingLogin competing -> {
                meters.event("competing_login");
                meters.competingLogin();
            }
            case SessionEvent.Waited waited -> meters.waited(waited.waited());
        }
        next.onEvent(event);
    }
}
