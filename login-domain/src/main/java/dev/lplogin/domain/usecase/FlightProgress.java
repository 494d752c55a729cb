package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Credentials;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.LoginOutcome;
import dev.lplogin.domain.port.StoreException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The progress of one flight, carried from one of its events to the next.
 *
 * @param purpose       what it is for
 * @param loginWith     the credentials of an explicit login
 * @param storedVersion the store version a login's session is saved over
 * @param relogin       whether a login replaces a session the key had
 * @param refreshing    whether the session being saved comes from a refresh (else from a login)
 * @param targets       the sessions a logout ends
 * @param answer        a login's answer, returned to an explicit login once saved
 * @param storeFailure  why the store could not be read in this flight, if it could not: then the flight must not
 *                      log in (it cannot know whether another process holds a live session)
 */
record FlightProgress(Purpose purpose, Optional<Credentials> loginWith, long storedVersion, boolean relogin,
        boolean refreshing, List<Session> targets, Optional<LoginOutcome> answer,
        Optional<StoreException> storeFailure) {

    /** No flight: for events from callers and timers. */
    static final FlightProgress NONE = of(Purpose.GET_USABLE);

    FlightProgress {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(loginWith, "login with");
        targets = List.copyOf(targets);
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(storeFailure, "store failure");
    }

    static FlightProgress of(Purpose purpose) {
        return new FlightProgress(purpose, Optional.empty(), 0, false, false, List.of(), Optional.empty(),
                Optional.empty());
    }

    static FlightProgress login(Credentials credentials) {
        return new FlightProgress(Purpose.LOGIN, Optional.of(credentials), 0, false, false, List.of(), Optional.empty(),
                Optional.empty());
    }

    FlightProgress loggingIn(long version, boolean isRelogin) {
        return new FlightProgress(purpose, loginWith, version, isRelogin, false, targets, answer, storeFailure);
    }

    FlightProgress refreshingNow() {
        return new FlightProgress(purpose, loginWith, storedVersion, relogin, true, targets, answer, storeFailure);
    }

    FlightProgress withTargets(List<Session> sessions) {
        return new FlightProgress(purpose, loginWith, storedVersion, relogin, refreshing, sessions, answer, storeFailure);
    }

    FlightProgress withAnswer(LoginOutcome outcome) {
        return new FlightProgress(purpose, loginWith, storedVersion, relogin, refreshing, targets, Optional.of(outcome),
                storeFailure);
    }

    FlightProgress withStoreFailure(StoreException failure) {
        return new FlightProgress(purpose, loginWith, storedVersion, relogin, refreshing, targets, answer,
                Optional.of(failure));
    }
}
