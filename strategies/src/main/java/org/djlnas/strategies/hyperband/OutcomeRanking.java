package org.djlnas.strategies.hyperband;

import java.util.Comparator;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.TrialState;

/**
 * Orders outcomes best first: done trials with a finite objective by objective (greatest first),
 * then pruned trials with a finite objective the same way, then every other outcome (failed, or
 * without a finite objective); ties go to the lower trial number.
 */
final class OutcomeRanking {

    /** The best-first order. */
    static final Comparator<TrialOutcome> BEST_FIRST =
            Comparator.comparingInt(OutcomeRanking::tier)
                    .thenComparing(OutcomeRanking::objective, Comparator.reverseOrder())
                    .thenComparingInt(outcome -> outcome.spec().number());

    private static final int DONE = 0;
    private static final int PRUNED = 1;
    private static final int WITHOUT_RESULT = 2;

    private OutcomeRanking() {}

    /**
     * Tells whether an outcome may be continued to a larger budget: only a done trial with a finite
     * objective has a result worth training further.
     *
     * @param outcome the outcome
     * @return true if it may be promoted
     */
    static boolean isPromotable(TrialOutcome outcome) {
        return tier(outcome) == DONE;
    }

    private static int tier(TrialOutcome outcome) {
        if (outcome.objective().isEmpty() || !Double.isFinite(outcome.objective().getAsDouble())) {
            return WITHOUT_RESULT;
        }
        if (outcome.state() == TrialState.DONE) {
            return DONE;
        }
        return outcome.state() == TrialState.PRUNED ? PRUNED : WITHOUT_RESULT;
    }

    private static double objective(TrialOutcome outcome) {
        return tier(outcome) == WITHOUT_RESULT ? 0 : outcome.objective().getAsDouble();
    }
}
