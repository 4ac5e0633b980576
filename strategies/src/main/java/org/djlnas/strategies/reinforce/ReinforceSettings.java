package org.djlnas.strategies.reinforce;

import static org.djlnas.strategies.reinforce.ReinforceProvider.ALGORITHM;
import static org.djlnas.strategies.reinforce.ReinforceProvider.BASELINE_DECAY;
import static org.djlnas.strategies.reinforce.ReinforceProvider.CONTROLLER;
import static org.djlnas.strategies.reinforce.ReinforceProvider.DISTINCT;
import static org.djlnas.strategies.reinforce.ReinforceProvider.ENTROPY_WEIGHT;
import static org.djlnas.strategies.reinforce.ReinforceProvider.LEARNING_RATE;
import static org.djlnas.strategies.reinforce.ReinforceProvider.LSTM_ENGINE;
import static org.djlnas.strategies.reinforce.ReinforceProvider.LSTM_HIDDEN;
import static org.djlnas.strategies.reinforce.ReinforceProvider.PPO_BATCH;
import static org.djlnas.strategies.reinforce.ReinforceProvider.PPO_CLIP;
import static org.djlnas.strategies.reinforce.ReinforceProvider.PPO_EPOCHS;
import static org.djlnas.strategies.reinforce.ReinforceProvider.TEMPERATURE;

import java.util.Arrays;
import java.util.Optional;
import org.djlnas.api.settings.Settings;

/**
 * The {@code reinforce} strategy's settings, checked as a whole.
 *
 * @param algorithm how the policy learns
 * @param controller which policy learns
 * @param learningRate Adam's step size, resolved when the setting is 0 ({@link #autoLearningRate})
 * @param baselineDecay the moving-average baseline's decay, in [0, 1)
 * @param entropyWeight the weight of the entropy bonus in the loss
 * @param temperature divides the logits before the softmax
 * @param lstmHidden the LSTM controller's hidden and embedding size
 * @param lstmEngine the engine the LSTM controller runs on, if named
 * @param distinct whether an ask draws again when it drew an architecture proposed before
 * @param ppoBatch PPO's samples per update
 * @param ppoEpochs PPO's optimizer steps per update
 * @param ppoClip PPO's clip ε
 */
record ReinforceSettings(
        Algorithm algorithm,
        Controller controller,
        double learningRate,
        double baselineDecay,
        double entropyWeight,
        double temperature,
        int lstmHidden,
        Optional<String> lstmEngine,
        boolean distinct,
        int ppoBatch,
        int ppoEpochs,
        double ppoClip) {

    /** How the policy learns from the advantages. */
    enum Algorithm {
        /** One REINFORCE step per reward. */
        REINFORCE("reinforce"),
        /** PPO's clipped surrogate, several steps per batch of rewards ({@link Ppo}). */
        PPO("ppo");

        private final String id;

        Algorithm(String id) {
            this.id = id;
        }

        /** Returns the setting value that names this algorithm. */
        String id() {
            return id;
        }
    }

    /** The policies the strategy can train. */
    enum Controller {
        /** Independent logits per decision ({@link IndependentPolicy}). */
        INDEPENDENT("independent"),
        /** An autoregressive LSTM controller ({@link LstmPolicy}). */
        LSTM("lstm");

        private final String id;

        Controller(String id) {
            this.id = id;
        }

        /** Returns the setting value that names this controller. */
        String id() {
            return id;
        }
    }

    /**
     * Reads resolved settings.
     *
     * @throws IllegalArgumentException naming the setting if a value is out of its range
     */
    static ReinforceSettings from(Settings settings) {
        String algorithmId = settings.getString(ALGORITHM);
        Algorithm algorithm =
                Arrays.stream(Algorithm.values())
                        .filter(a -> a.id().equals(algorithmId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        invalid(
                                                ALGORITHM,
                                                "'" + algorithmId + "'",
                                                "one of "
                                                        + Arrays.stream(Algorithm.values())
                                                                .map(Algorithm::id)
                                                                .toList()));
        String controllerId = settings.getString(CONTROLLER);
        Controller controller =
                Arrays.stream(Controller.values())
                        .filter(c -> c.id().equals(controllerId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        invalid(
                                                CONTROLLER,
                                                "'" + controllerId + "'",
                                                "one of "
                                                        + Arrays.stream(Controller.values())
                                                                .map(Controller::id)
                                                                .toList()));
        double decay = settings.getDouble(BASELINE_DECAY);
        if (decay >= 1) {
            throw invalid(BASELINE_DECAY, Double.toString(decay), "a number in [0, 1)");
        }
        String engine = settings.getString(LSTM_ENGINE).trim();
        double learningRate = settings.getDouble(LEARNING_RATE);
        return new ReinforceSettings(
                algorithm,
                controller,
                learningRate > 0 ? learningRate : autoLearningRate(algorithm, controller),
                decay,
                settings.getDouble(ENTROPY_WEIGHT),
                settings.getDouble(TEMPERATURE),
                settings.getInt(LSTM_HIDDEN),
                engine.isEmpty() ? Optional.empty() : Optional.of(engine),
                settings.getBoolean(DISTINCT),
                settings.getInt(PPO_BATCH),
                settings.getInt(PPO_EPOCHS),
                settings.getDouble(PPO_CLIP));
    }

    /**
     * Returns the learning rate a setting of 0 stands for: 0.01 for REINFORCE (what the
     * NAS-Bench-201 authors run) and for PPO with the LSTM controller, and 0.1 for PPO with
     * independent logits. The PPO rates are the best of a sweep on NAS-Bench-201 (seeds 1000..1099,
     * not the ones reported; {@code ReinforceNasBench201Benchmark}).
     *
     * @param algorithm how the policy learns
     * @param controller which policy learns
     */
    static double autoLearningRate(Algorithm algorithm, Controller controller) {
        return algorithm == Algorithm.PPO && controller == Controller.INDEPENDENT ? 0.1 : 0.01;
    }

    private static IllegalArgumentException invalid(String name, String value, String expected) {
        return new IllegalArgumentException(
                "setting '"
                        + name
                        + "' of strategy '"
                        + ReinforceProvider.ID
                        + "' is "
                        + value
                        + "; expected "
                        + expected);
    }
}
