package org.djlnas.strategies.oneshot;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.strategies.reinforce.LstmController;

/**
 * The settings of an ENAS search. The defaults follow the released ENAS code's micro (cell) search
 * where it has one (Pham et al., 2018): shared weights by SGD with momentum 0.9, a cosine learning
 * rate from 0.05 to 0.0005, L2 weight decay 1e-4 and gradients clipped at norm 5; the controller an
 * LSTM of 64 units trained by Adam at 0.0035 with an entropy weight of 1e-4 and a baseline decay of
 * 0.99.
 *
 * @param batchSize examples per shared-weight step and per controller reward
 * @param learningRate the shared weights' initial learning rate
 * @param minLearningRate the shared weights' learning rate at the end of the cosine schedule
 * @param momentum the shared weights' SGD momentum
 * @param weightDecay the shared weights' L2 weight decay
 * @param gradientClip the largest global norm of the shared weights' gradient (0: no clipping)
 * @param controllerSteps controller updates per epoch, each on one sampled architecture scored on
 *     one validation batch
 * @param controller the controller's hyper-parameters
 * @param deriveSamples architectures sampled after each epoch, the best on one validation batch
 *     being the epoch's derived architecture (0: the controller's most likely architecture)
 * @param validationBatches validation batches that measure the derived architecture after each
 *     epoch (0: all)
 */
record EnasSettings(
        int batchSize,
        double learningRate,
        double minLearningRate,
        double momentum,
        double weightDecay,
        double gradientClip,
        int controllerSteps,
        LstmController.Options controller,
        int deriveSamples,
        int validationBatches) {

    static final String CONTROLLER_STEPS = "controller-steps";
    static final String CONTROLLER_LEARNING_RATE = "controller-learning-rate";
    static final String CONTROLLER_HIDDEN = "controller-hidden";
    static final String TEMPERATURE = "temperature";
    static final String ENTROPY_WEIGHT = "entropy-weight";
    static final String BASELINE_DECAY = "baseline-decay";
    static final String DERIVE_SAMPLES = "derive-samples";

    /** Validates the fields. */
    EnasSettings {
        if (minLearningRate > learningRate) {
            throw invalid(
                    DartsSettings.MIN_LEARNING_RATE,
                    minLearningRate,
                    "at most '" + DartsSettings.LEARNING_RATE + "' (" + learningRate + ")");
        }
        if (controller.baselineDecay() >= 1) {
            throw invalid(BASELINE_DECAY, controller.baselineDecay(), "a number in [0, 1)");
        }
    }

    private static IllegalArgumentException invalid(String name, double value, String expected) {
        return new IllegalArgumentException(
                "ENAS setting '" + name + "' is " + value + "; expected " + expected);
    }

    /** Declares the settings, with the defaults of the ENAS code's cell search. */
    static List<SettingSpec> specs() {
        return List.of(
                SettingSpec.integer(
                        DartsSettings.BATCH_SIZE,
                        64,
                        1,
                        "examples per shared-weight step and per controller reward"),
                SettingSpec.number(
                        DartsSettings.LEARNING_RATE, 0.05, 0, "shared weights: initial SGD rate"),
                SettingSpec.number(
                        DartsSettings.MIN_LEARNING_RATE,
                        0.0005,
                        0,
                        "shared weights: learning rate at the end (cosine)"),
                SettingSpec.number(DartsSettings.MOMENTUM, 0.9, 0, "shared weights: SGD momentum"),
                SettingSpec.number(
                        DartsSettings.WEIGHT_DECAY, 1e-4, 0, "shared weights: L2 weight decay"),
                SettingSpec.number(
                        DartsSettings.GRADIENT_CLIP,
                        5,
                        0,
                        "shared weights: largest global gradient norm (0: no clip)"),
                SettingSpec.integer(
                        CONTROLLER_STEPS,
                        50,
                        0,
                        "controller updates per epoch, each one sampled architecture rewarded with"
                                + " its accuracy on one validation batch"),
                SettingSpec.number(
                        CONTROLLER_LEARNING_RATE, 0.0035, 0, "controller: Adam learning rate"),
                SettingSpec.integer(CONTROLLER_HIDDEN, 64, 1, "controller: LSTM hidden size"),
                SettingSpec.number(
                        TEMPERATURE, 1, 0.01, "controller: divides the logits before the softmax"),
                SettingSpec.number(
                        ENTROPY_WEIGHT, 1e-4, 0, "controller: weight of the entropy bonus"),
                SettingSpec.number(
                        BASELINE_DECAY, 0.99, 0, "controller: decay of the reward baseline, < 1"),
                SettingSpec.integer(
                        DERIVE_SAMPLES,
                        10,
                        0,
                        "architectures sampled after each epoch; the best on a validation batch is"
                                + " derived (0: the controller's most likely one)"),
                SettingSpec.integer(
                        DartsSettings.VALIDATION_BATCHES,
                        0,
                        0,
                        "validation batches that measure the derived architecture each epoch (0:"
                                + " all)"));
    }

    /**
     * Reads resolved settings.
     *
     * @param settings settings resolved against {@link #specs}
     * @return the record
     * @throws IllegalArgumentException naming the setting if a value is out of its range
     */
    static EnasSettings from(Settings settings) {
        return new EnasSettings(
                settings.getInt(DartsSettings.BATCH_SIZE),
                settings.getDouble(DartsSettings.LEARNING_RATE),
                settings.getDouble(DartsSettings.MIN_LEARNING_RATE),
                settings.getDouble(DartsSettings.MOMENTUM),
                settings.getDouble(DartsSettings.WEIGHT_DECAY),
                settings.getDouble(DartsSettings.GRADIENT_CLIP),
                settings.getInt(CONTROLLER_STEPS),
                new LstmController.Options(
                        settings.getInt(CONTROLLER_HIDDEN),
                        settings.getDouble(CONTROLLER_LEARNING_RATE),
                        settings.getDouble(TEMPERATURE),
                        settings.getDouble(ENTROPY_WEIGHT),
                        settings.getDouble(BASELINE_DECAY)),
                settings.getInt(DERIVE_SAMPLES),
                settings.getInt(DartsSettings.VALIDATION_BATCHES));
    }

    /**
     * Returns the shared weights' learning rate in an epoch: cosine annealing from {@link
     * #learningRate} to {@link #minLearningRate}, stepped once per epoch.
     *
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return the learning rate
     */
    double learningRateAt(int epoch, int epochs) {
        return CosineSchedule.at(learningRate, minLearningRate, epoch, epochs);
    }
}
