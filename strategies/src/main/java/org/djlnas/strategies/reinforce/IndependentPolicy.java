package org.djlnas.strategies.reinforce;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One vector of logits per decision, independent of the others: the policy of the NAS-Bench-201
 * authors' REINFORCE baseline. Logits start at {@code 1e-3 · N(0, 1)} as theirs do; a pick is drawn
 * from {@code softmax(logits / temperature)} over the options not yet picked (an input choice picks
 * its {@code k} inputs one after the other, without replacement). Gradients are exact and computed
 * in double precision on the host; Adam takes the steps.
 */
final class IndependentPolicy implements Policy {

    /** The standard deviation of the initial logits. */
    static final double INITIAL_SCALE = 1e-3;

    private final Decisions decisions;
    private final double[][] logits;
    private final double temperature;
    private final double entropyWeight;
    private final HostAdam adam;

    /**
     * Creates a near-uniform policy.
     *
     * @param decisions the space's decisions
     * @param settings the strategy's settings
     * @param random draws the initial logits
     */
    IndependentPolicy(Decisions decisions, ReinforceSettings settings, RandomGenerator random) {
        this.decisions = decisions;
        this.logits = new double[decisions.all().size()][];
        for (Decision decision : decisions.all()) {
            double[] values = new double[decision.options()];
            for (int j = 0; j < values.length; j++) {
                values[j] = INITIAL_SCALE * random.nextGaussian();
            }
            logits[decision.index()] = values;
        }
        this.temperature = settings.temperature();
        this.entropyWeight = settings.entropyWeight();
        this.adam = new HostAdam(logits, settings.learningRate());
    }

    @Override
    public Sample sample(RandomGenerator random) {
        return decisions.sample(
                decision -> {
                    List<Integer> picks = new ArrayList<>();
                    double[] values = logits[decision.index()];
                    for (int t = 0; t < decision.picks(); t++) {
                        picks.add(
                                Categorical.draw(
                                        Categorical.logProbabilities(values, temperature, picks),
                                        random));
                    }
                    return picks;
                });
    }

    @Override
    public double[] logProbabilities(List<Sample> samples) {
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = logProbability(logits, samples.get(i), temperature);
        }
        return out;
    }

    @Override
    public void step(List<Sample> samples, Surrogate surrogate) {
        double[] weights = surrogate.weights(logProbabilities(samples));
        double[][] gradient = null;
        for (int i = 0; i < weights.length; i++) {
            double[][] one =
                    lossGradient(
                            logits,
                            samples.get(i),
                            temperature,
                            weights[i],
                            entropyWeight / samples.size());
            gradient = gradient == null ? one : add(gradient, one);
        }
        if (gradient != null) {
            adam.step(logits, gradient);
        }
    }

    private static double[][] add(double[][] sum, double[][] term) {
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum[i].length; j++) {
                sum[i][j] += term[i][j];
            }
        }
        return sum;
    }

    /**
     * Returns the log-probability of a sample's picks, in the order they were drawn.
     *
     * @param logits the logits per decision
     * @param sample the sample
     * @param temperature divides the logits
     */
    static double logProbability(double[][] logits, Sample sample, double temperature) {
        double logProbability = 0;
        for (Step step : sample.steps()) {
            double[] values = logits[step.decision().index()];
            List<Integer> picks = step.picks();
            for (int t = 0; t < picks.size(); t++) {
                logProbability +=
                        Categorical.logProbabilities(values, temperature, picks.subList(0, t))[
                                picks.get(t)];
            }
        }
        return logProbability;
    }

    /**
     * Returns the probabilities of a decision's first pick under the current logits.
     *
     * @param decision the decision
     */
    double[] firstPickProbabilities(Decision decision) {
        double[] logP =
                Categorical.logProbabilities(logits[decision.index()], temperature, List.of());
        double[] p = new double[logP.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp(logP[j]);
        }
        return p;
    }

    /**
     * Returns the REINFORCE loss of a sample: {@code -advantage · log π(sample) - entropyWeight ·
     * H}, where H sums the entropies of the distributions the sample's picks were drawn from.
     *
     * @param logits the logits per decision
     * @param sample the sample
     * @param temperature divides the logits
     * @param advantage the reward minus the baseline
     * @param entropyWeight the weight of the entropy bonus
     */
    static double loss(
            double[][] logits,
            Sample sample,
            double temperature,
            double advantage,
            double entropyWeight) {
        double logProbability = 0;
        double entropy = 0;
        for (Step step : sample.steps()) {
            double[] values = logits[step.decision().index()];
            List<Integer> picks = step.picks();
            for (int t = 0; t < picks.size(); t++) {
                double[] logP =
                        Categorical.logProbabilities(values, temperature, picks.subList(0, t));
                logProbability += logP[picks.get(t)];
                entropy += Categorical.entropy(logP);
            }
        }
        return -advantage * logProbability - entropyWeight * entropy;
    }

    /**
     * Returns the exact gradient of {@link #loss} with respect to the logits. Per pick from {@code
     * p = softmax(z)}, {@code z = logits / temperature}: {@code ∂ log p_a / ∂z_j = [j = a] - p_j}
     * and {@code ∂H / ∂z_j = -p_j (log p_j + H)} over the options not yet picked.
     *
     * @param logits the logits per decision
     * @param sample the sample
     * @param temperature divides the logits
     * @param advantage the reward minus the baseline
     * @param entropyWeight the weight of the entropy bonus
     */
    static double[][] lossGradient(
            double[][] logits,
            Sample sample,
            double temperature,
            double advantage,
            double entropyWeight) {
        double[][] gradient = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            gradient[i] = new double[logits[i].length];
        }
        for (Step step : sample.steps()) {
            double[] values = logits[step.decision().index()];
            double[] out = gradient[step.decision().index()];
            List<Integer> picks = step.picks();
            for (int t = 0; t < picks.size(); t++) {
                double[] logP =
                        Categorical.logProbabilities(values, temperature, picks.subList(0, t));
                double entropy = Categorical.entropy(logP);
                for (int j = 0; j < values.length; j++) {
                    if (logP[j] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double p = Math.exp(logP[j]);
                    double logProbabilityGradient = (j == picks.get(t) ? 1 : 0) - p;
                    double entropyGradient = -p * (logP[j] + entropy);
                    out[j] -=
                            (advantage * logProbabilityGradient + entropyWeight * entropyGradient)
                                    / temperature;
                }
            }
        }
        return gradient;
    }
}
