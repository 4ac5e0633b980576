package org.djlnas.strategies.reinforce;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Categorical distributions over a decision's options from logits, in double precision: a softmax
 * at a temperature over the options not yet picked.
 */
final class Categorical {

    private Categorical() {}

    /**
     * Returns the log-probabilities {@code log softmax(logits / temperature)} over the options not
     * excluded; excluded options get negative infinity.
     *
     * @param logits one logit per option
     * @param temperature divides the logits
     * @param excluded options already picked
     */
    static double[] logProbabilities(double[] logits, double temperature, List<Integer> excluded) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < logits.length; j++) {
            if (!excluded.contains(j)) {
                max = Math.max(max, logits[j] / temperature);
            }
        }
        double sum = 0;
        for (int j = 0; j < logits.length; j++) {
            if (!excluded.contains(j)) {
                sum += Math.exp(logits[j] / temperature - max);
            }
        }
        double logNormalizer = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int j = 0; j < logits.length; j++) {
            out[j] =
                    excluded.contains(j)
                            ? Double.NEGATIVE_INFINITY
                            : logits[j] / temperature - logNormalizer;
        }
        return out;
    }

    /**
     * Draws an option with the given log-probabilities by inverting the cumulative distribution at
     * one uniform draw.
     *
     * @param logProbabilities from {@link #logProbabilities}
     * @param random the random source; one {@code nextDouble} is taken
     * @throws IllegalStateException if a log-probability is NaN, as after a policy update with a
     *     non-finite gradient: drawing from it would quietly pick the last option every time
     */
    static int draw(double[] logProbabilities, RandomGenerator random) {
        for (double logP : logProbabilities) {
            if (Double.isNaN(logP)) {
                throw new IllegalStateException(
                        "the policy's log-probabilities are "
                                + Arrays.toString(logProbabilities)
                                + "; expected numbers: the policy's parameters are no longer"
                                + " finite");
            }
        }
        double u = random.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int j = 0; j < logProbabilities.length; j++) {
            if (logProbabilities[j] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            last = j;
            cumulative += Math.exp(logProbabilities[j]);
            if (u < cumulative) {
                return j;
            }
        }
        return last;
    }

    /**
     * Returns the entropy {@code -Σ p log p} of a distribution.
     *
     * @param logProbabilities from {@link #logProbabilities}
     */
    static double entropy(double[] logProbabilities) {
        double entropy = 0;
        for (double logP : logProbabilities) {
            if (logP != Double.NEGATIVE_INFINITY) {
                entropy -= Math.exp(logP) * logP;
            }
        }
        return entropy;
    }
}
