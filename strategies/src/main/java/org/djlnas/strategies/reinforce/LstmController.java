package org.djlnas.strategies.reinforce;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;

/**
 * The {@code reinforce} strategy's LSTM controller with its moving-average baseline, for strategies
 * that drive it themselves (ENAS trains it between the epochs of a shared-weight supernet): it
 * samples architectures of a space's choice tree, learns from a reward with REINFORCE, and its
 * whole state (parameters, Adam's moments and step count, the baseline) can be saved and restored.
 */
public final class LstmController {

    private final LstmPolicy policy;
    private final MovingAverageBaseline baseline;

    private LstmController(LstmPolicy policy, MovingAverageBaseline baseline) {
        this.policy = policy;
        this.baseline = baseline;
    }

    /**
     * Creates a controller over every choice of a space, with parameters drawn uniform in [-0.1,
     * 0.1].
     *
     * @param space the space whose choice tree the controller walks
     * @param options the controller's hyper-parameters
     * @param engine the engine that computes the LSTM and its gradients; it must train
     * @param random draws the initial parameters
     * @return the controller
     * @throws IllegalArgumentException naming the choice if the space has one the controller cannot
     *     learn (a continuous one)
     */
    public static LstmController create(
            SearchSpace space, Options options, Engine engine, RandomGenerator random) {
        ReinforceProvider provider = new ReinforceProvider();
        ReinforceSettings settings =
                ReinforceSettings.from(
                        Settings.resolve(
                                "strategy '" + ReinforceProvider.ID + "'",
                                provider.settings(),
                                Map.of(
                                        ReinforceProvider.CONTROLLER,
                                        ReinforceSettings.Controller.LSTM.id(),
                                        ReinforceProvider.LSTM_HIDDEN,
                                        Integer.toString(options.hidden()),
                                        ReinforceProvider.LEARNING_RATE,
                                        Double.toString(options.learningRate()),
                                        ReinforceProvider.TEMPERATURE,
                                        Double.toString(options.temperature()),
                                        ReinforceProvider.ENTROPY_WEIGHT,
                                        Double.toString(options.entropyWeight()),
                                        ReinforceProvider.BASELINE_DECAY,
                                        Double.toString(options.baselineDecay()))));
        return new LstmController(
                new LstmPolicy(Decisions.of(space), settings, engine, random),
                new MovingAverageBaseline(settings.baselineDecay()));
    }

    /**
     * Draws an architecture from the current policy.
     *
     * @param random the random source of every pick
     * @return the sample
     */
    public Sampled sample(RandomGenerator random) {
        return new Sampled(policy.sample(random));
    }

    /**
     * Returns the most likely architecture: the most likely option at every step, each fed to the
     * next (a greedy decoding, not necessarily the architecture of highest probability).
     *
     * @return the sample
     */
    public Sampled mostLikely() {
        return new Sampled(policy.mostLikely());
    }

    /**
     * Learns from a sample's reward as the {@code reinforce} strategy does: once the baseline holds
     * an earlier reward, one Adam step on {@code -(reward - baseline) · log π(sample) -
     * entropyWeight · H}; then the reward joins the baseline. The first reward only starts the
     * baseline.
     *
     * @param sample a sample this controller drew
     * @param reward its reward, larger is better
     * @throws IllegalArgumentException if the reward is not finite
     */
    public void learn(Sampled sample, double reward) {
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("the reward is " + reward + "; expected a number");
        }
        if (baseline.hasValue()) {
            policy.reinforce(sample.sample, reward - baseline.value());
        }
        baseline.update(reward);
    }

    /**
     * Returns the baseline, once a reward was averaged.
     *
     * @return the moving average of the rewards, or empty before the first
     */
    public OptionalDouble baseline() {
        return baseline.hasValue() ? OptionalDouble.of(baseline.value()) : OptionalDouble.empty();
    }

    /**
     * Returns the whole state, for a checkpoint: the parameters, Adam's state, then the baseline's.
     *
     * @return copies of the arrays, in the order {@link #load} expects
     */
    public List<double[]> state() {
        List<double[]> state = new ArrayList<>();
        for (double[] parameter : policy.parameters()) {
            state.add(parameter.clone());
        }
        state.addAll(List.of(policy.optimizer().state()));
        state.add(baseline.state());
        return state;
    }

    /**
     * Restores the state of {@link #state()}.
     *
     * @param state the arrays
     * @throws IllegalArgumentException if they are not the state of a controller of this shape
     */
    public void load(List<double[]> state) {
        double[][] parameters = policy.parameters();
        int optimizer = 2 * parameters.length + 1;
        if (state.size() != parameters.length + optimizer + 1) {
            throw new IllegalArgumentException(
                    "the controller state holds "
                            + state.size()
                            + " arrays; expected "
                            + (parameters.length + optimizer + 1));
        }
        for (int i = 0; i < parameters.length; i++) {
            HostAdam.copy(state.get(i), parameters[i]);
        }
        policy.optimizer()
                .load(
                        state.subList(parameters.length, parameters.length + optimizer)
                                .toArray(double[][]::new));
        double[] averaged = state.get(state.size() - 1);
        if (averaged.length != 2) {
            throw new IllegalArgumentException(
                    "the baseline state has " + averaged.length + " values; expected 2");
        }
        baseline.load(averaged);
    }

    /**
     * An architecture drawn by the controller, with the picks that made it (which {@link #learn}
     * needs).
     */
    public static final class Sampled {

        private final Sample sample;

        private Sampled(Sample sample) {
            this.sample = sample;
        }

        /**
         * Returns the architecture.
         *
         * @return the architecture
         */
        public Architecture architecture() {
            return sample.architecture();
        }
    }

    /**
     * The controller's hyper-parameters.
     *
     * @param hidden the LSTM's hidden and embedding size
     * @param learningRate Adam's step size
     * @param temperature divides the logits before the softmax
     * @param entropyWeight the weight of the entropy bonus in the loss
     * @param baselineDecay the moving-average baseline's decay, in [0, 1)
     */
    public record Options(
            int hidden,
            double learningRate,
            double temperature,
            double entropyWeight,
            double baselineDecay) {}
}
