package org.djlnas.strategies.reinforce;

import static org.djlnas.strategies.reinforce.ReinforceProvider.BASELINE_DECAY;
import static org.djlnas.strategies.reinforce.ReinforceProvider.CONTROLLER;
import static org.djlnas.strategies.reinforce.ReinforceProvider.ENTROPY_WEIGHT;
import static org.djlnas.strategies.reinforce.ReinforceProvider.LEARNING_RATE;
import static org.djlnas.strategies.reinforce.ReinforceProvider.LSTM_ENGINE;
import static org.djlnas.strategies.reinforce.ReinforceProvider.LSTM_HIDDEN;
import static org.djlnas.strategies.reinforce.ReinforceProvider.TEMPERATURE;

import java.util.Arrays;
import java.util.Optional;
import org.djlnas.api.settings.Settings;

/**
 * The {@code reinforce} strategy's settings, checked as a whole.
 *
 * @param controller which policy learns
 * @param learningRate Adam's step size
 * @param baselineDecay the moving-average baseline's decay, in [0, 1)
 * @param entropyWeight the weight of the entropy bonus in the loss
 * @param temperature divides the logits before the softmax
 * @param lstmHidden the LSTM controller's hidden and embedding size
 * @param lstmEngine the engine the LSTM controller runs on, if named
 */
record ReinforceSettings(
        Controller controller,
        double learningRate,
        double baselineDecay,
        double entropyWeight,
        double temperature,
        int lstmHidden,
        Optional<String> lstmEngine) {

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
        return new ReinforceSettings(
                controller,
                settings.getDouble(LEARNING_RATE),
                decay,
                settings.getDouble(ENTROPY_WEIGHT),
                settings.getDouble(TEMPERATURE),
                settings.getInt(LSTM_HIDDEN),
                engine.isEmpty() ? Optional.empty() : Optional.of(engine));
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
