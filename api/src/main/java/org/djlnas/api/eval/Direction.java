package org.djlnas.api.eval;

/**
 * Whether an objective is better when larger (accuracy) or smaller (an error such as RMSE).
 *
 * <p>Strategies, pruners and rankings work on a <em>score</em> that is always maximised: {@link
 * #score} turns an objective into it, so a strategy need not know the direction.
 */
public enum Direction {
    /** Larger is better. */
    MAXIMIZE,
    /** Smaller is better. */
    MINIMIZE;

    /**
     * Turns an objective value into a score that is larger when better.
     *
     * @param objective the objective value
     * @return the objective when maximising, its negation when minimising
     */
    public double score(double objective) {
        return this == MAXIMIZE ? objective : -objective;
    }

    /**
     * Tells whether one objective value is strictly better than another.
     *
     * @param candidate the value that may be better
     * @param incumbent the value to beat
     * @return whether {@code candidate} is better
     */
    public boolean isBetter(double candidate, double incumbent) {
        return score(candidate) > score(incumbent);
    }

    /**
     * Returns the direction's name in lower case, as journaled ({@code maximize} or {@code
     * minimize}).
     *
     * @return the name
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
