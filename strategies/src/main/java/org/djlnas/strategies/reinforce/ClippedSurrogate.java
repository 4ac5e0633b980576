package org.djlnas.strategies.reinforce;

/**
 * PPO's clipped surrogate objective (Schulman et al. 2017) over a batch of {@code n} samples: the
 * mean of {@code min(ρ_i A_i, clip(ρ_i, 1 - ε, 1 + ε) A_i)}, where {@code ρ_i = π(sample_i) /
 * π_old(sample_i)} and {@code A_i} is the sample's advantage. The loss is its negative.
 *
 * <p>Its gradient with respect to {@code log π(sample_i)} is {@code ρ_i A_i / n} where the
 * unclipped term is the smaller, and zero where the clipped one is: once a sample's probability has
 * moved by more than ε in the direction its advantage favours, it stops pulling.
 */
final class ClippedSurrogate implements Surrogate {

    private final double[] advantages;
    private final double[] oldLogProbabilities;
    private final double clip;

    /**
     * Creates the objective of a batch.
     *
     * @param advantages one advantage per sample
     * @param oldLogProbabilities the samples' log-probabilities under the policy before the update
     * @param clip ε, the ratio's half-width, positive
     */
    ClippedSurrogate(double[] advantages, double[] oldLogProbabilities, double clip) {
        if (advantages.length != oldLogProbabilities.length) {
            throw new IllegalArgumentException(
                    advantages.length
                            + " advantages for "
                            + oldLogProbabilities.length
                            + " samples; expected one per sample");
        }
        this.advantages = advantages.clone();
        this.oldLogProbabilities = oldLogProbabilities.clone();
        this.clip = clip;
    }

    /**
     * Returns the objective (to be maximised) at the given log-probabilities.
     *
     * @param logProbabilities the samples' log-probabilities under the current parameters
     */
    double value(double[] logProbabilities) {
        double sum = 0;
        for (int i = 0; i < advantages.length; i++) {
            double ratio = Math.exp(logProbabilities[i] - oldLogProbabilities[i]);
            double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio));
            sum += Math.min(ratio * advantages[i], clipped * advantages[i]);
        }
        return sum / advantages.length;
    }

    @Override
    public double[] weights(double[] logProbabilities) {
        double[] weights = new double[advantages.length];
        for (int i = 0; i < advantages.length; i++) {
            double ratio = Math.exp(logProbabilities[i] - oldLogProbabilities[i]);
            double advantage = advantages[i];
            boolean clipped = advantage >= 0 ? ratio > 1 + clip : ratio < 1 - clip;
            weights[i] = clipped ? 0 : ratio * advantage / advantages.length;
        }
        return weights;
    }
}
