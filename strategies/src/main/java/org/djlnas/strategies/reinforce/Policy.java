package org.djlnas.strategies.reinforce;

import java.util.random.RandomGenerator;

/** A stochastic policy over a space's decisions, trained by REINFORCE. */
interface Policy {

    /**
     * Draws an architecture from the current policy.
     *
     * @param random the random source of every pick
     */
    Sample sample(RandomGenerator random);

    /**
     * Takes one optimizer step on the loss {@code -advantage · log π(sample) - entropyWeight ·
     * H(sample)}, where H sums the entropies of the distributions each pick was drawn from.
     *
     * @param sample a sample this policy drew (possibly before earlier updates)
     * @param advantage the reward minus the baseline
     */
    void reinforce(Sample sample, double advantage);
}
