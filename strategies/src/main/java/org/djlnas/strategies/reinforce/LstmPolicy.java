package org.djlnas.strategies.reinforce;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;
import org.djlnas.api.engine.EngineLocks;

/**
 * An autoregressive LSTM controller, in the spirit of Zoph &amp; Le (2017) and ENAS (Pham et al.
 * 2018): one LSTM step per pick, in the order the space's choices are walked, each reading the
 * decision's own softmax head and feeding the embedding of the option picked to the next step.
 *
 * <p>The forward pass and its gradients run in DJL on the given engine, on the CPU; the picks are
 * drawn on the host with the strategy's random source, and Adam updates the parameters on the host
 * in double precision, so the proposals depend on the engine only through its 32-bit arithmetic.
 * Each call works in its own {@link NDManager} and closes it: no native memory outlives a call.
 */
final class LstmPolicy implements Policy {

    private final Decisions decisions;
    private final Engine engine;
    private final LstmWeights weights;
    private final double temperature;
    private final double entropyWeight;
    private final HostAdam adam;

    /**
     * Creates a controller with parameters drawn on the host.
     *
     * @param decisions the space's decisions
     * @param settings the strategy's settings
     * @param engine the engine that runs the controller; it must train
     * @param random draws the initial parameters
     */
    LstmPolicy(
            Decisions decisions,
            ReinforceSettings settings,
            Engine engine,
            RandomGenerator random) {
        this.decisions = decisions;
        this.engine = engine;
        this.weights = new LstmWeights(settings.lstmHidden(), decisions.all(), random);
        this.temperature = settings.temperature();
        this.entropyWeight = settings.entropyWeight();
        this.adam = new HostAdam(weights.values(), settings.learningRate());
    }

    @Override
    public Sample sample(RandomGenerator random) {
        return walk(logProbabilities -> Categorical.draw(logProbabilities, random));
    }

    /** Returns the architecture of the most likely pick at every step (a greedy decoding). */
    Sample mostLikely() {
        return walk(LstmPolicy::argmax);
    }

    /** Returns the parameters, in place, for checkpoints. */
    double[][] parameters() {
        return weights.values();
    }

    /** Returns the optimizer, for checkpoints. */
    HostAdam optimizer() {
        return adam;
    }

    private Sample walk(ToIntFunction<double[]> pick) {
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            LstmRollout rollout =
                    new LstmRollout(
                            manager, weights.upload(manager, false), weights.hidden(), temperature);
            return decisions.sample(
                    decision -> {
                        List<Integer> picks = new ArrayList<>();
                        for (int t = 0; t < decision.picks(); t++) {
                            double[] logits = toDoubles(rollout.next(decision, picks));
                            int option =
                                    pick.applyAsInt(Categorical.logProbabilities(logits, 1, picks));
                            picks.add(option);
                            rollout.feed(decision, option);
                        }
                        return picks;
                    });
        }
    }

    @Override
    public double[] logProbabilities(List<Sample> samples) {
        double[] out = new double[samples.size()];
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            NDList arrays = weights.upload(manager, false);
            for (int i = 0; i < out.length; i++) {
                out[i] = replay(manager, arrays, samples.get(i))[0].getFloat();
            }
        }
        return out;
    }

    @Override
    public void step(List<Sample> samples, Surrogate surrogate) {
        if (samples.stream().allMatch(sample -> sample.steps().isEmpty())) {
            return;
        }
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            NDList arrays = weights.upload(manager, true);
            synchronized (EngineLocks.GRADIENTS) {
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray[] logProbabilities = new NDArray[samples.size()];
                    double[] values = new double[samples.size()];
                    NDArray entropy = manager.zeros(new Shape());
                    for (int i = 0; i < values.length; i++) {
                        NDArray[] replayed = replay(manager, arrays, samples.get(i));
                        logProbabilities[i] = replayed[0];
                        values[i] = replayed[0].getFloat();
                        entropy = entropy.add(replayed[1]);
                    }
                    double[] weightsOfSamples = surrogate.weights(values);
                    NDArray loss =
                            entropy.mul(
                                    LstmRollout.scalar(manager, -entropyWeight / samples.size()));
                    for (int i = 0; i < values.length; i++) {
                        loss =
                                loss.add(
                                        logProbabilities[i].mul(
                                                LstmRollout.scalar(manager, -weightsOfSamples[i])));
                    }
                    collector.backward(loss);
                }
            }
            adam.step(weights.values(), LstmWeights.gradients(arrays));
        }
    }

    private static int argmax(double[] logProbabilities) {
        int best = 0;
        for (int j = 1; j < logProbabilities.length; j++) {
            if (logProbabilities[j] > logProbabilities[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Runs the controller over a sample's picks and returns the log-probability of the picks and
     * the sum of the entropies of the distributions they were drawn from, as scalar arrays.
     */
    private NDArray[] replay(NDManager manager, NDList arrays, Sample sample) {
        LstmRollout rollout = new LstmRollout(manager, arrays, weights.hidden(), temperature);
        NDArray logProbability = manager.zeros(new Shape());
        NDArray entropy = manager.zeros(new Shape());
        for (Step step : sample.steps()) {
            List<Integer> picks = step.picks();
            for (int t = 0; t < picks.size(); t++) {
                NDArray logP = rollout.next(step.decision(), picks.subList(0, t)).logSoftmax(1);
                logProbability = logProbability.add(logP.get(0, picks.get(t)));
                entropy = entropy.sub(logP.exp().mul(logP).sum());
                rollout.feed(step.decision(), picks.get(t));
            }
        }
        return new NDArray[] {logProbability, entropy};
    }

    private static double[] toDoubles(NDArray array) {
        float[] data = array.toFloatArray();
        double[] out = new double[data.length];
        for (int j = 0; j < data.length; j++) {
            out[j] = data[j];
        }
        return out;
    }
}
