package dev.lplogin.domain.usecase;

import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safety net of the lifecycle: thousands of seeded random {@link History histories} of the real core, each
 * checked against the invariants after every step (see {@code History}): no bearer handed out past its hard deadline
 * or after a 401 for it; at most one flight per key; no login while another process holds the key's lease; no login
 * after a failed read of the store (except an explicit login while the store is merely unreachable); a record that
 * cannot be opened surfaces as the store's error; a rejected credential causes no second login; every
 * {@code LoggedIn} and {@code Refreshed} is about this process's own login or refresh and the session it now holds.
 *
 * <p>A failing history is shrunk (fewer and plainer choices, replayed while it still fails) and printed with its seed
 * and the shrunk trace. System properties (Maven passes {@code -D} on to the tests):
 * <ul>
 *   <li>{@code lp.history.count} — how many histories (default 2000, a few seconds); a long run:
 *       {@code ./mvnw -pl login-domain verify -Dtest=RandomHistoryTest -Dlp.history.count=500000}</li>
 *   <li>{@code lp.history.from} — the first seed (default 1); seeds {@code from .. from+count-1} run</li>
 *   <li>{@code lp.history.steps} — caller actions per history (default 40)</li>
 *   <li>{@code lp.history.replay} — a choice list a failure printed (comma-separated): replays and prints it</li>
 * </ul>
 */
class RandomHistoryTest {

    private static final int SHRINK_BUDGET = 3000;
    private static final int MAX_REPORTS = 8;
    private static Object coreLogger; // held: a JUL logger whose level is set must stay reachable

    @BeforeAll
    static void quiet() throws ReflectiveOperationException {
        // thousands of histories make the core warn thousands of times; the trace says what happened instead
        coreLogger = julLogger("dev.lplogin");
        setLevel(coreLogger, "OFF");
    }

    @AfterAll
    static void loud() throws ReflectiveOperationException {
        setLevel(coreLogger, null);
    }

    @Test
    void historiesKeepEveryInvariant() {
        String replay = System.getProperty("lp.history.replay");
        if (replay != null) {
            int[] choices = Arrays.stream(replay.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            History history = new History(HistoryChoices.replay(choices), true);
            Optional<String> broken = history.run();
            System.out.println(String.join("\n", history.trace()));
            broken.ifPresent(b -> fail("the replayed history broke an invariant: " + b));
            return;
        }
        long from = Long.getLong("lp.history.from", 1);
        int count = Integer.getInteger("lp.history.count", 2000);
        int steps = Integer.getInteger("lp.history.steps", 40);
        // every kind of broken invariant is reported once, with its first seed, shrunk
        Map<String, String> reports = new LinkedHashMap<>();
        for (long seed = from; seed < from + count && reports.size() < MAX_REPORTS; seed++) {
            HistoryChoices choices = HistoryChoices.random(seed, steps);
            Optional<String> broken = new History(choices, false).run();
            if (broken.isPresent() && !reports.containsKey(kind(broken.get()))) {
                reports.put(kind(broken.get()), report(seed, broken.get(), shrink(choices.made(), kind(broken.get()))));
            }
        }
        if (!reports.isEmpty()) {
            fail(reports.size() + " kind(s) of broken invariant:\n\n" + String.join("\n\n", reports.values()));
        }
    }

    private static String report(long seed, String broken, int[] shrunk) {
        History minimal = new History(HistoryChoices.replay(shrunk), true);
        String minimalBroken = minimal.run().orElse("(the shrunk history passed on replay)");
        String choices = Arrays.toString(shrunk).replaceAll("[\\[\\] ]", "");
        return "history seed " + seed + " broke an invariant: " + broken + "\n"
                + "shrunk to " + shrunk.length + " choices (replay: -Dlp.history.replay=" + choices + "), which break: "
                + minimalBroken + "\n" + String.join("\n", minimal.trace());
    }

    /** A broken invariant without the names of sessions and processes: two histories breaking it alike. */
    static String kind(String broken) {
        return broken.replaceAll("\\b[PQX]\\d+\\b", "S").replaceAll("\\b[PQ]\\b", "p")
                .replaceAll("\\(.*\\)", "");
    }

    /** Fewer, then plainer choices, as long as the history still breaks an invariant. */
    static int[] shrink(int[] failing, String kind) {
        int[] best = failing;
        int budget = SHRINK_BUDGET;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && budget > 0; chunk /= 2) {
                for (int at = 0; at + chunk <= best.length && budget > 0; ) {
                    int[] candidate = new int[best.length - chunk];
                    System.arraycopy(best, 0, candidate, 0, at);
                    System.arraycopy(best, at + chunk, candidate, at, best.length - at - chunk);
                    budget--;
                    if (fails(candidate, kind)) {
                        best = candidate;
                        progress = true;
                    } else {
                        at++;
                    }
                }
            }
            for (int at = 0; at < best.length && budget > 0; at++) {
                for (int value = 0; value < best[at] && budget > 0; value++) {
                    int[] candidate = best.clone();
                    candidate[at] = value;
                    budget--;
                    if (fails(candidate, kind)) {
                        best = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return best;
    }

    private static boolean fails(int[] choices, String kind) {
        return new History(HistoryChoices.replay(choices), false).run().map(RandomHistoryTest::kind).filter(kind::equals)
                .isPresent();
    }

    private static Object julLogger(String name) throws ReflectiveOperationException {
        // by reflection: the domain module does not read java.logging, and must not for a test's sake
        Class<?> logger = Class.forName("java.util.logging.Logger");
        return logger.getMethod("getLogger", String.class).invoke(null, name);
    }

    private static void setLevel(Object logger, String level) throws ReflectiveOperationException {
        Class<?> levels = Class.forName("java.util.logging.Level");
        Object value = level == null ? null : levels.getField(level).get(null);
        Method setLevel = logger.getClass().getMethod("setLevel", levels);
        setLevel.invoke(logger, value);
    }
}
