package org.djlnas.runtime.training;

import java.util.OptionalInt;

/**
 * Which training steps a trial runs, counted over the whole training of its architecture: a
 * continuing trial starts where the trial it continues stopped.
 *
 * @param startStep the steps already done before this trial
 * @param steps the steps this trial runs, at least 1
 * @param batchesPerEpoch the steps in one epoch
 */
record StepPlan(long startStep, int steps, long batchesPerEpoch) {

    /**
     * Plans the steps from one total budget to another.
     *
     * @param epochsDone the epochs trained already (0 for a fresh trial)
     * @param epochs the total epochs to reach
     * @param batchesPerEpoch the steps in one epoch
     * @return the plan
     */
    static StepPlan of(double epochsDone, double epochs, long batchesPerEpoch) {
        long start = Math.round(epochsDone * batchesPerEpoch);
        long end = Math.max(start + 1, Math.round(epochs * batchesPerEpoch));
        return new StepPlan(start, Math.toIntExact(end - start), batchesPerEpoch);
    }

    /**
     * Tells which whole epoch ends with this trial's {@code step}.
     *
     * @param step the trial's step, from 1
     * @return the epoch, from 1, or empty if the step ends none
     */
    OptionalInt epochEndingAt(int step) {
        long global = startStep + step;
        return global % batchesPerEpoch == 0
                ? OptionalInt.of(Math.toIntExact(global / batchesPerEpoch))
                : OptionalInt.empty();
    }

    /**
     * Returns the epoch the last step falls in, counting a partial epoch as one.
     *
     * @return the epoch, from 1
     */
    int lastEpoch() {
        long end = startStep + steps;
        return Math.toIntExact((end + batchesPerEpoch - 1) / batchesPerEpoch);
    }
}
