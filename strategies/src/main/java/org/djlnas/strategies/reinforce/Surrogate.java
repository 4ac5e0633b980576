package org.djlnas.strategies.reinforce;

/**
 * What a policy-gradient step descends, seen through the log-probabilities of its samples: a loss
 * {@code Σ_i L_i(log π(sample_i))} whose gradient is {@code -Σ_i w_i ∇ log π(sample_i)}.
 * REINFORCE's {@code w_i} is the sample's advantage; PPO's depends on the current log-probability.
 */
@FunctionalInterface
interface Surrogate {

    /**
     * Returns the weights {@code w_i = -∂L_i / ∂ log π(sample_i)}.
     *
     * @param logProbabilities the samples' log-probabilities under the current parameters
     */
    double[] weights(double[] logProbabilities);
}
