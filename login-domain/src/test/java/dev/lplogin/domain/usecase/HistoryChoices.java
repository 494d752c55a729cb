package dev.lplogin.domain.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The random choices one history makes, recorded as they are made: a history is a function of its choices, so a
 * failing one can be replayed from them and shrunk by replaying fewer or plainer ones ({@link RandomHistoryTest}).
 * Every choice picks one of a few options, and option 0 is always the plain case (the call succeeds, nothing else
 * happens meanwhile); replaying a choice list that ran out picks option 0.
 */
final class HistoryChoices {

    private final Random random; // null when replaying
    private final int[] replay;
    private final int steps;
    private final List<Integer> made = new ArrayList<>();

    private HistoryChoices(Random random, int[] replay, int steps) {
        this.random = random;
        this.replay = replay;
        this.steps = steps;
    }

    /** New choices drawn from {@code seed}, for a history of {@code steps} caller actions. */
    static HistoryChoices random(long seed, int steps) {
        return new HistoryChoices(new Random(seed), null, steps);
    }

    /** The choices {@code values}, in order; a history replaying them ends when they run out. */
    static HistoryChoices replay(int[] values) {
        return new HistoryChoices(null, values.clone(), Integer.MAX_VALUE);
    }

    /** One of {@code weights.length} options, option {@code i} drawn with weight {@code weights[i]}. */
    int pick(int... weights) {
        int choice;
        if (random == null) {
            choice = made.size() < replay.length ? Math.min(replay[made.size()], weights.length - 1) : 0;
        } else {
            int total = Arrays.stream(weights).sum();
            int r = random.nextInt(total);
            choice = 0;
            while (r >= weights[choice]) {
                r -= weights[choice];
                choice++;
            }
        }
        made.add(choice);
        return choice;
    }

    /** Whether the history goes on after {@code done} caller actions. */
    boolean more(int done) {
        return random == null ? made.size() < replay.length && done < 10_000 : done < steps;
    }

    int[] made() {
        return made.stream().mapToInt(Integer::intValue).toArray();
    }
}
