package org.djlnas.strategies.reinforce;

/**
 * The exponential moving average of the rewards, bias-corrected as in the NAS-Bench-201 authors'
 * REINFORCE ({@code ExponentialMovingAverage} in AutoDL-Projects): after rewards {@code r1 … rn}
 * its value is {@code Σ decay^(n-i) r_i / Σ decay^(n-i)}, so the first reward is the first value.
 */
final class MovingAverageBaseline {

    private final double decay;
    private double weightedSum;
    private double totalWeight;

    /**
     * Creates an empty average.
     *
     * @param decay the weight kept by the past at each update, in [0, 1)
     */
    MovingAverageBaseline(double decay) {
        this.decay = decay;
    }

    /** Tells whether a reward has been averaged yet. */
    boolean hasValue() {
        return totalWeight > 0;
    }

    /**
     * Returns the average.
     *
     * @throws IllegalStateException if no reward was averaged yet
     */
    double value() {
        if (!hasValue()) {
            throw new IllegalStateException("the baseline has no reward yet");
        }
        return weightedSum / totalWeight;
    }

    /** Averages in a reward. */
    void update(double reward) {
        weightedSum = decay * weightedSum + (1 - decay) * reward;
        totalWeight = decay * totalWeight + (1 - decay);
    }

    /** Returns the state for a checkpoint: the weighted sum and the total weight. */
    double[] state() {
        return new double[] {weightedSum, totalWeight};
    }

    /** Restores the state of {@link #state()}. */
    void load(double[] state) {
        weightedSum = state[0];
        totalWeight = state[1];
    }
}
