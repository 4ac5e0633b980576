package org.djlnas.runtime.pruning;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.ReportHistory;

/**
 * The median stopping rule (Golovin et al., "Google Vizier", KDD 2017; as Optuna's {@code
 * MedianPruner}): stop a trial after a step when the best objective it reported so far is worse
 * than the median of what finished trials reported at the same step. It never stops a trial before
 * {@code minTrials} finished trials reported that step, nor before step {@code warmupSteps + 1}.
 */
public final class MedianStoppingRule implements Pruner {

    /** The id {@code nas search --pruner} knows it by. */
    public static final String ID = "median";

    /** Finished trials needed at a step before the rule acts there, by default. */
    public static final int DEFAULT_MIN_TRIALS = 5;

    /** Steps never judged at the start of a trial, by default. */
    public static final int DEFAULT_WARMUP_STEPS = 0;

    private final int minTrials;
    private final int warmupSteps;

    /**
     * Creates the rule.
     *
     * @param minTrials finished trials that must have reported a step before the rule acts there
     * @param warmupSteps steps at the start of a trial that are never judged
     */
    public MedianStoppingRule(int minTrials, int warmupSteps) {
        if (minTrials < 1) {
            throw new IllegalArgumentException(
                    "minTrials is " + minTrials + "; expected at least 1");
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException(
                    "warmupSteps is " + warmupSteps + "; expected at least 0");
        }
        this.minTrials = minTrials;
        this.warmupSteps = warmupSteps;
    }

    /**
     * Creates the rule with its defaults.
     *
     * @return the rule
     */
    public static MedianStoppingRule withDefaults() {
        return new MedianStoppingRule(DEFAULT_MIN_TRIALS, DEFAULT_WARMUP_STEPS);
    }

    @Override
    public boolean shouldStop(int trial, int step, ReportHistory history) {
        if (step <= warmupSteps) {
            return false;
        }
        double[] others = history.finishedValuesAt(step, trial);
        if (others.length < minTrials) {
            return false;
        }
        OptionalDouble best = history.bestUpTo(trial, step);
        return best.isPresent() && best.getAsDouble() < median(others);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
