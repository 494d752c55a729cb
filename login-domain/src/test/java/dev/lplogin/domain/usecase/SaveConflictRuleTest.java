package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lplogin.domain.model.Secret;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.model.SessionFixtures;
import dev.lplogin.domain.port.SaveResult;
import dev.lplogin.domain.usecase.SaveConflictRule.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The save-conflict rule as a table: ours (just logged in or refreshed) was saved and the store answered this; the
 * flight then holds that session (ours or theirs) or saves ours again. Times in minutes after ours was issued.
 */
class SaveConflictRuleTest {

    private static final Instant T0 = SessionFixtures.ISSUED_AT;
    private static final SaveConflictRule RULE = new SaveConflictRule(Rules.from(LoginSettings.defaults()));
    private static final Session OURS = SessionFixtures.session().withVersion(3);

    /** Another process's session, issued {@code minutes} after ours, stored at version 7. */
    private static Session theirs(int minutes) {
        Instant at = T0.plus(Duration.ofMinutes(minutes));
        Session base = SessionFixtures.session(Secret.of("their-bearer"), Secret.of("their-csrf"), List.of());
        return new Session(base.key(), base.loginHost(), base.bearer(), base.csrf(), base.cookies(), base.userId(),
                base.userPid(), at, at, base.maxLifetime(), 7);
    }

    static Stream<Arguments> saves() {
        return Stream.of(
                row("saved: ours, at its new version", new SaveResult.Saved(OURS.withVersion(4)), 1,
                        new Verdict.Hold(OURS.withVersion(4), false)),
                row("conflict, another process logged in later and its session is live: theirs wins",
                        new SaveResult.Conflict(Optional.of(theirs(1))), 2, new Verdict.Hold(theirs(1), true)),
                row("conflict, theirs was issued before ours (ours killed it): ours again at their version",
                        new SaveResult.Conflict(Optional.of(theirs(-5))), 2, new Verdict.SaveAgain(OURS.withVersion(7))),
                row("conflict, theirs is newer but expired: ours again at their version",
                        new SaveResult.Conflict(Optional.of(theirs(1))), 40, new Verdict.SaveAgain(OURS.withVersion(7))),
                row("conflict, the stored one is ours at another version: ours again at that version",
                        new SaveResult.Conflict(Optional.of(OURS.withVersion(5))), 2,
                        new Verdict.SaveAgain(OURS.withVersion(5))),
                row("conflict, nothing stored any more (deleted): ours again at version 0",
                        new SaveResult.Conflict(Optional.empty()), 2, new Verdict.SaveAgain(OURS.withVersion(0))),
                row("fenced, the new lease holder saved a live session: theirs wins",
                        new SaveResult.Fenced(Optional.of(theirs(1))), 2, new Verdict.Hold(theirs(1), true)),
                row("fenced, what is stored is expired: ours, held unsaved",
                        new SaveResult.Fenced(Optional.of(theirs(1))), 40, new Verdict.Hold(OURS, false)),
                row("fenced, nothing stored: ours, held unsaved", new SaveResult.Fenced(Optional.empty()), 2,
                        new Verdict.Hold(OURS, false)));
    }

    private static Arguments row(String save, SaveResult answer, int minute, Verdict then) {
        return Arguments.of(save, answer, minute, then);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saves")
    void save(String save, SaveResult answer, int minute, Verdict then) {
        assertThat(RULE.after(OURS, answer, T0.plus(Duration.ofMinutes(minute)))).isEqualTo(then);
    }
}
