package org.djlnas.strategies.reinforce;

import java.util.ArrayList;
import java.util.List;

/**
 * Proximal policy optimisation (Schulman et al. 2017) over batches of told samples: once {@code
 * batch} samples have an advantage, their log-probabilities under the policy as it stands become
 * {@code π_old}, their advantages are standardised over the batch, as PPO implementations do (the
 * batch's mean becomes the baseline, and the step no longer depends on the rewards' scale), and the
 * policy takes {@code epochs} optimizer steps on the {@linkplain ClippedSurrogate clipped
 * surrogate} (plus the policy's entropy bonus), each over the whole batch. Then the batch starts
 * empty again.
 */
final class Ppo {

    private final Policy policy;
    private final int batch;
    private final int epochs;
    private final double clip;
    private final List<Sample> samples = new ArrayList<>();
    private final List<Double> advantages = new ArrayList<>();

    /**
     * Creates an empty batch.
     *
     * @param policy the policy to train
     * @param batch samples per update, at least 2
     * @param epochs optimizer steps per update, at least 1
     * @param clip ε, the probability ratio's half-width
     */
    Ppo(Policy policy, int batch, int epochs, double clip) {
        this.policy = policy;
        this.batch = batch;
        this.epochs = epochs;
        this.clip = clip;
    }

    /**
     * Adds a sample with its advantage to the batch, and updates the policy when the batch is full.
     *
     * @param sample a sample the policy drew
     * @param advantage its reward minus the baseline
     */
    void learn(Sample sample, double advantage) {
        samples.add(sample);
        advantages.add(advantage);
        if (samples.size() < batch) {
            return;
        }
        double[] normalised = normalise(advantages);
        double[] old = policy.logProbabilities(samples);
        ClippedSurrogate surrogate = new ClippedSurrogate(normalised, old, clip);
        for (int epoch = 0; epoch < epochs; epoch++) {
            policy.step(samples, surrogate);
        }
        samples.clear();
        advantages.clear();
    }

    /**
     * Standardises the advantages: subtracts their mean and divides by their standard deviation
     * (the root mean square deviation from the mean). A batch whose advantages are all equal
     * teaches nothing: its advantages become 0.
     */
    static double[] normalise(List<Double> advantages) {
        double[] out = advantages.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = 0;
        for (double a : out) {
            mean += a / out.length;
        }
        double variance = 0;
        for (double a : out) {
            variance += (a - mean) * (a - mean) / out.length;
        }
        double deviation = Math.sqrt(variance);
        for (int i = 0; i < out.length; i++) {
            out[i] = deviation > 0 ? (out[i] - mean) / deviation : 0;
        }
        return out;
    }
}
