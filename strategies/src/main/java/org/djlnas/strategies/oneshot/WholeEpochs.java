package org.djlnas.strategies.oneshot;

import org.djlnas.api.trial.Budget;

/** The number of epochs a one-shot search runs: its budget's, which must be whole. */
final class WholeEpochs {

    private WholeEpochs() {}

    /**
     * Returns the budget's epochs.
     *
     * @param budget the search's budget
     * @param strategy the strategy's name, for the error
     * @return the epochs
     * @throws IllegalArgumentException if they are not an integer of at least 1
     */
    static int of(Budget budget, String strategy) {
        double epochs = budget.epochs();
        if (epochs < 1 || epochs != Math.rint(epochs)) {
            throw new IllegalArgumentException(
                    strategy
                            + " searches whole epochs; epochs is "
                            + epochs
                            + ", expected an integer >= 1");
        }
        return (int) epochs;
    }
}
