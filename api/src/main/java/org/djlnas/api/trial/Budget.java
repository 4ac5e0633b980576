package org.djlnas.api.trial;

/**
 * How much training a trial gets.
 *
 * @param epochs passes over the training examples; fractions allowed (0.5 trains on half an epoch's
 *     batches)
 * @param maxTrainExamples a cap on the training examples used, or 0 for all of them
 */
public record Budget(double epochs, int maxTrainExamples) {

    /** Validates the fields. */
    public Budget {
        if (!(epochs > 0) || !Double.isFinite(epochs)) {
            throw new IllegalArgumentException("`epochs` is " + epochs + "; expected a number > 0");
        }
        if (maxTrainExamples < 0) {
            throw new IllegalArgumentException(
                    "`maxTrainExamples` is " + maxTrainExamples + "; expected >= 0 (0 for all)");
        }
    }

    /**
     * A budget of some epochs over all training examples.
     *
     * @param epochs the epochs
     * @return the budget
     */
    public static Budget ofEpochs(double epochs) {
        return new Budget(epochs, 0);
    }

    /**
     * Tells whether the training examples are capped.
     *
     * @return true if capped
     */
    public boolean capsExamples() {
        return maxTrainExamples > 0;
    }
}
