package org.djlnas.strategies.reinforce;

import java.util.List;
import java.util.random.RandomGenerator;

/** A distribution over the architectures of a space's decisions, trained by policy gradient. */
interface Policy {

    /**
     * Draws an architecture from the current policy.
     *
     * @param random the random source of every pick
     */
    Sample sample(RandomGenerator random);

    /**
     * Returns the log-probability of each sample's picks under the current parameters.
     *
     * @param samples samples this policy drew (possibly before earlier updates)
     */
    double[] logProbabilities(List<Sample> samples);

    /**
     * Takes one optimizer step on the loss {@code Σ_i L_i(log π(sample_i)) - (entropyWeight / n) ·
     * Σ_i H(sample_i)} over {@code n} samples, where H sums the entropies of the distributions each
     * pick was drawn from and the surrogate gives {@code -∂L_i / ∂ log π(sample_i)} at the current
     * parameters.
     *
     * @param samples samples this policy drew (possibly before earlier updates)
     * @param surrogate the per-sample weights of the log-probabilities' gradients
     */
    void step(List<Sample> samples, Surrogate surrogate);

    /**
     * Takes one REINFORCE step on a single sample: the loss {@code -advantage · log π(sample) -
     * entropyWeight · H(sample)}.
     *
     * @param sample a sample this policy drew (possibly before earlier updates)
     * @param advantage the reward minus the baseline
     */
    default void reinforce(Sample sample, double advantage) {
        step(List.of(sample), logProbabilities -> new double[] {advantage});
    }
}
