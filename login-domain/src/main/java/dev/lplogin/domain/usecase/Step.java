package dev.lplogin.domain.usecase;

import java.util.List;
import java.util.Objects;

/** The result of one transition: the new state, the flight's progress and the effects to run, in order. */
record Step(KeyState state, FlightProgress flight, List<Effect> effects) {

    Step {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(flight, "flight");
        effects = List.copyOf(effects);
    }
}
