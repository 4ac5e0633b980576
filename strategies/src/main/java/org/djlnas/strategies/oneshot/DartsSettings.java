package org.djlnas.strategies.oneshot;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The settings of a DARTS search; the defaults are the paper's (Liu et al., 2019, section 3.1.1 and
 * the released code).
 *
 * @param order 1 for first order (alternating steps), 2 for the unrolled second-order step
 * @param batchSize examples per weight step and per architecture step
 * @param learningRate the weights' initial learning rate
 * @param minLearningRate the weights' learning rate at the end of the cosine schedule
 * @param momentum the weights' SGD momentum
 * @param weightDecay the weights' L2 weight decay
 * @param gradientClip the largest global norm of the weights' gradient
 * @param architectureLearningRate α's Adam learning rate
 * @param architectureBeta1 α's Adam β1
 * @param architectureBeta2 α's Adam β2
 * @param architectureWeightDecay α's L2 weight decay
 * @param maxSkipConnections the collapse guard: the search stops once a searched cell's derived
 *     architecture has more skip connections than this, and returns the last architecture within
 *     the limit (-1 turns the guard off)
 * @param validationBatches batches of the architecture half that measure the supernet (accuracy, or
 *     RMSE) after each epoch (0: all)
 */
public record DartsSettings(
        int order,
        int batchSize,
        double learningRate,
        double minLearningRate,
        double momentum,
        double weightDecay,
        double gradientClip,
        double architectureLearningRate,
        double architectureBeta1,
        double architectureBeta2,
        double architectureWeightDecay,
        int maxSkipConnections,
        int validationBatches) {

    static final String ORDER = "order";
    static final String BATCH_SIZE = "batch-size";
    static final String LEARNING_RATE = "learning-rate";
    static final String MIN_LEARNING_RATE = "min-learning-rate";
    static final String MOMENTUM = "momentum";
    static final String WEIGHT_DECAY = "weight-decay";
    static final String GRADIENT_CLIP = "gradient-clip";
    static final String ARCH_LEARNING_RATE = "arch-learning-rate";
    static final String ARCH_BETA1 = "arch-beta1";
    static final String ARCH_BETA2 = "arch-beta2";
    static final String ARCH_WEIGHT_DECAY = "arch-weight-decay";
    static final String MAX_SKIP_CONNECTIONS = "max-skip-connections";
    static final String VALIDATION_BATCHES = "validation-batches";

    /** Validates the fields. */
    public DartsSettings {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException(
                    "DARTS setting '" + ORDER + "' is " + order + "; expected 1 or 2");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "DARTS setting '" + BATCH_SIZE + "' is " + batchSize + "; expected >= 1");
        }
        if (maxSkipConnections < -1) {
            throw new IllegalArgumentException(
                    "DARTS setting '"
                            + MAX_SKIP_CONNECTIONS
                            + "' is "
                            + maxSkipConnections
                            + "; expected >= 0, or -1 to turn the guard off");
        }
        if (minLearningRate > learningRate) {
            throw new IllegalArgumentException(
                    "DARTS setting '"
                            + MIN_LEARNING_RATE
                            + "' is "
                            + minLearningRate
                            + "; expected at most '"
                            + LEARNING_RATE
                            + "' ("
                            + learningRate
                            + ")");
        }
    }

    /**
     * Declares the settings, with the paper's defaults.
     *
     * @param order the default order
     * @return the specs
     */
    static List<SettingSpec> specs(int order) {
        return List.of(
                SettingSpec.integer(
                        ORDER, order, 1, "1: first-order DARTS; 2: the unrolled second-order step"),
                SettingSpec.integer(BATCH_SIZE, 64, 1, "examples per weight and architecture step"),
                SettingSpec.number(LEARNING_RATE, 0.025, 0, "weights: initial SGD learning rate"),
                SettingSpec.number(
                        MIN_LEARNING_RATE, 0.001, 0, "weights: learning rate at the end (cosine)"),
                SettingSpec.number(MOMENTUM, 0.9, 0, "weights: SGD momentum"),
                SettingSpec.number(WEIGHT_DECAY, 3e-4, 0, "weights: L2 weight decay"),
                SettingSpec.number(
                        GRADIENT_CLIP, 5, 0, "weights: largest global gradient norm (0: no clip)"),
                SettingSpec.number(ARCH_LEARNING_RATE, 3e-4, 0, "alpha: Adam learning rate"),
                SettingSpec.number(ARCH_BETA1, 0.5, 0, "alpha: Adam beta1"),
                SettingSpec.number(ARCH_BETA2, 0.999, 0, "alpha: Adam beta2"),
                SettingSpec.number(ARCH_WEIGHT_DECAY, 1e-3, 0, "alpha: L2 weight decay"),
                SettingSpec.integer(
                        MAX_SKIP_CONNECTIONS,
                        2,
                        -1,
                        "collapse guard (DARTS+): stop once a cell derives more skip connections"
                                + " than this, keeping the last architecture within it (-1: off)"),
                SettingSpec.integer(
                        VALIDATION_BATCHES,
                        0,
                        0,
                        "architecture-half batches that measure the supernet each epoch (0:"
                                + " all)"));
    }

    /**
     * Reads resolved settings.
     *
     * @param settings settings resolved against {@link #specs}
     * @return the record
     */
    static DartsSettings from(Settings settings) {
        return new DartsSettings(
                settings.getInt(ORDER),
                settings.getInt(BATCH_SIZE),
                settings.getDouble(LEARNING_RATE),
                settings.getDouble(MIN_LEARNING_RATE),
                settings.getDouble(MOMENTUM),
                settings.getDouble(WEIGHT_DECAY),
                settings.getDouble(GRADIENT_CLIP),
                settings.getDouble(ARCH_LEARNING_RATE),
                settings.getDouble(ARCH_BETA1),
                settings.getDouble(ARCH_BETA2),
                settings.getDouble(ARCH_WEIGHT_DECAY),
                settings.getInt(MAX_SKIP_CONNECTIONS),
                settings.getInt(VALIDATION_BATCHES));
    }

    /**
     * Returns the weights' learning rate in an epoch: cosine annealing from {@link #learningRate}
     * to {@link #minLearningRate}, as PyTorch's {@code CosineAnnealingLR} stepped once per epoch.
     *
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return the learning rate
     */
    double learningRateAt(int epoch, int epochs) {
        return CosineSchedule.at(learningRate, minLearningRate, epoch, epochs);
    }
}
