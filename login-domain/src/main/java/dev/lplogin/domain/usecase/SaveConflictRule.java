package dev.lplogin.domain.usecase;

import dev.lplogin.domain.model.Freshness;
import dev.lplogin.domain.model.Session;
import dev.lplogin.domain.port.SaveResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who wins when processes sharing a store save at once — one pure decision per answer of a compare-and-set save
 * ({@code docs/lifecycle.md}, "How processes share one login"). LivePerson keeps one session per user, so a
 * different live session issued after ours means another process logged in later and killed ours: it wins, and is
 * held as theirs. Otherwise ours is the newer one and is saved again over what is stored.
 *
 * @param rules the refresh interval and idle timeout that say whether a stored session is live
 */
record SaveConflictRule(Rules rules) {

    /** What to do after one save. */
    sealed interface Verdict {

        /** Hold {@code session}; {@code theirs}: it is another process's, not the one this flight made. */
        record Hold(Session session, boolean theirs) implements Verdict {

            public Hold {
                Objects.requireNonNull(session, "session");
            }
        }

        /** Ours is newer than what is stored: save {@code ours} again, now at the stored version. */
        record SaveAgain(Session ours) implements Verdict {

            public SaveAgain {
                Objects.requireNonNull(ours, "ours");
            }
        }
    }

    /**
     * @param ours   the session this flight just logged in or confirmed, as it tried to save it
     * @param result what the store answered
     * @param now    the time, to tell whether a stored session is live
     */
    Verdict after(Session ours, SaveResult result, Instant now) {
        return switch (result) {
            case SaveResult.Saved saved -> new Verdict.Hold(saved.session(), false);
            // our lease went to another holder meanwhile: what it saved wins if live; else ours, held unsaved
            case SaveResult.Fenced fenced -> fenced.current().filter(theirs -> live(theirs, now))
                    .<Verdict>map(theirs -> new Verdict.Hold(theirs, true))
                    .orElseGet(() -> new Verdict.Hold(ours, false));
            case SaveResult.Conflict conflict -> {
                Optional<Session> theirs = conflict.current();
                if (theirs.isPresent() && supersedes(theirs.get(), ours, now)) {
                    yield new Verdict.Hold(theirs.get(), true);
                }
                yield new Verdict.SaveAgain(ours.withVersion(theirs.map(Session::version).orElse(0L)));
            }
        };
    }

    private boolean supersedes(Session theirs, Session ours, Instant now) {
        return !theirs.bearer().equals(ours.bearer()) && theirs.issuedAt().isAfter(ours.issuedAt()) && live(theirs, now);
    }

    private boolean live(Session session, Instant now) {
        return session.freshnessAt(now, rules.refreshInterval(), rules.idleTimeout()) != Freshness.EXPIRED;
    }
}
