package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoggedIn;
import dev.lplogin.domain.port.SessionEvent;
import java.util.List;
import java.util.Optional;

/** Something the {@link EffectRunner} does. Effects that ask a port something answer with the next event. */
sealed interface Effect {

    /** Hand the caller this bearer now. */
    record Serve(Session session) implements Effect {
    }

    /** Fail the caller's call now, with this reason. */
    record Fail(Why why) implements Effect {
    }

    /** Start a flight for {@code purpose} in the background (or join the one in flight); do not wait. */
    record StartInBackground(Purpose purpose) implements Effect {
    }

    /** Start a flight for {@code purpose} (or join the one in flight) and wait for its result. */
    record AwaitFlight(Purpose purpose) implements Effect {
    }

    /** Take the store lease of the key (waiting while another holder has it); answers {@code LeaseTaken}. */
    record TakeLease() implements Effect {
    }

    /** Answers {@code StoredLoaded}. */
    record LoadStored() implements Effect {
    }

    /** Look up the login host and log in; answers {@code LoginAnswered} or {@code LoginFailed}. */
    record LogIn(Credentials credentials) implements Effect {
    }

    /** Answers {@code RefreshAnswered} or {@code RefreshFailed}. */
    record Refresh(Session session) implements Effect {
    }

    /** Compare-and-set save; answers {@code Saved}. */
    record Save(Session session) implements Effect {
    }

    record DeleteStored(Session session) implements Effect {
    }

    /** Answers {@code LoggedOutUpstream}. */
    record LogOut(List<Session> sessions) implements Effect {
    }

    /** Tell the domain lookup the hosts a login answer carried. */
    record Seed(LoggedIn answer) implements Effect {
    }

    record Announce(SessionEvent event) implements Effect {
    }

    /** Log a warning (never a secret). */
    record Warn(String message) implements Effect {
    }

    /** Replace the key's timer: fire within {@code when} (empty: no timer). */
    record Wake(Optional<Work> when) implements Effect {
    }

    /** The flight ends with {@code result}. */
    record Finish(FlightResult result) implements Effect {
    }
}
