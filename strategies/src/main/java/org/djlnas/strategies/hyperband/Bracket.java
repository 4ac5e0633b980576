package org.djlnas.strategies.hyperband;

import java.util.List;

/**
 * One successive-halving bracket of Hyperband: rung 0 starts {@code rungs().get(0).size()} fresh
 * configurations, and each later rung continues the best of the rung before it with a larger
 * budget.
 *
 * @param s the bracket's index in Li et al.'s notation; it has {@code s + 1} rungs
 * @param rungs the rungs, smallest budget first
 */
record Bracket(int s, List<Rung> rungs) {

    /** Copies the rungs. */
    Bracket {
        rungs = List.copyOf(rungs);
    }

    /**
     * One rung of a bracket.
     *
     * @param size how many configurations it trains
     * @param epochs the total epochs each of them is trained for
     */
    record Rung(int size, double epochs) {}
}
