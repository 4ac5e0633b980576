package org.djlnas.strategies.oneshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The settings of a single-path one-shot search (Guo et al., 2020). The weights train as DARTS's
 * do, with the same names and defaults; the rest sizes the evolutionary search.
 *
 * @param batchSize examples per weight step, per recalibration batch and per validation batch
 * @param learningRate the weights' initial learning rate
 * @param minLearningRate the weights' learning rate at the end of the cosine schedule
 * @param momentum the weights' SGD momentum
 * @param weightDecay the weights' L2 weight decay
 * @param gradientClip the largest global norm of the weights' gradient
 * @param evolutionCandidates the architectures the evolutionary search scores after the last epoch
 * @param epochCandidates the architectures it scores after each earlier epoch
 * @param recalibrationBatches the training batches that re-estimate batch normalisation's
 *     statistics for each scored architecture
 * @param validationBatches the validation batches each architecture is scored on
 */
public record SposSettings(
        int batchSize,
        double learningRate,
        double minLearningRate,
        double momentum,
        double weightDecay,
        double gradientClip,
        int evolutionCandidates,
        int epochCandidates,
        int recalibrationBatches,
        int validationBatches) {

    static final String EVOLUTION_CANDIDATES = "evolution-candidates";
    static final String EPOCH_CANDIDATES = "epoch-candidates";
    static final String RECALIBRATION_BATCHES = "recalibration-batches";
    static final String VALIDATION_BATCHES = "validation-batches";

    /** The weight-training settings shared with DARTS, under DARTS's names and defaults. */
    private static final Set<String> WEIGHT_SETTINGS =
            Set.of(
                    DartsSettings.BATCH_SIZE,
                    DartsSettings.LEARNING_RATE,
                    DartsSettings.MIN_LEARNING_RATE,
                    DartsSettings.MOMENTUM,
                    DartsSettings.WEIGHT_DECAY,
                    DartsSettings.GRADIENT_CLIP);

    /** Validates the fields. */
    public SposSettings {
        atLeastOne(DartsSettings.BATCH_SIZE, batchSize);
        atLeastOne(EVOLUTION_CANDIDATES, evolutionCandidates);
        atLeastOne(EPOCH_CANDIDATES, epochCandidates);
        atLeastOne(RECALIBRATION_BATCHES, recalibrationBatches);
        atLeastOne(VALIDATION_BATCHES, validationBatches);
        if (minLearningRate > learningRate) {
            throw new IllegalArgumentException(
                    "SPOS setting '"
                            + DartsSettings.MIN_LEARNING_RATE
                            + "' is "
                            + minLearningRate
                            + "; expected at most '"
                            + DartsSettings.LEARNING_RATE
                            + "' ("
                            + learningRate
                            + ")");
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    "SPOS setting '" + name + "' is " + value + "; expected >= 1");
        }
    }

    /**
     * Declares the settings: DARTS's weight settings, then the evolutionary search's.
     *
     * @return the specs
     */
    static List<SettingSpec> specs() {
        List<SettingSpec> specs = new ArrayList<>();
        for (SettingSpec spec : DartsSettings.specs(1)) {
            if (WEIGHT_SETTINGS.contains(spec.name())) {
                specs.add(spec);
            }
        }
        specs.add(
                SettingSpec.integer(
                        EVOLUTION_CANDIDATES,
                        100,
                        1,
                        "architectures the evolutionary search scores on the trained supernet"));
        specs.add(
                SettingSpec.integer(
                        EPOCH_CANDIDATES,
                        10,
                        1,
                        "architectures scored after each epoch before the last, to derive the"
                                + " epoch's architecture"));
        specs.add(
                SettingSpec.integer(
                        RECALIBRATION_BATCHES,
                        10,
                        1,
                        "training batches that re-estimate batch normalisation for each scored"
                                + " architecture"));
        specs.add(
                SettingSpec.integer(
                        VALIDATION_BATCHES,
                        10,
                        1,
                        "validation batches each architecture is scored on"));
        return specs;
    }

    /**
     * Reads resolved settings.
     *
     * @param settings settings resolved against {@link #specs}
     * @return the record
     */
    static SposSettings from(Settings settings) {
        return new SposSettings(
                settings.getInt(DartsSettings.BATCH_SIZE),
                settings.getDouble(DartsSettings.LEARNING_RATE),
                settings.getDouble(DartsSettings.MIN_LEARNING_RATE),
                settings.getDouble(DartsSettings.MOMENTUM),
                settings.getDouble(DartsSettings.WEIGHT_DECAY),
                settings.getDouble(DartsSettings.GRADIENT_CLIP),
                settings.getInt(EVOLUTION_CANDIDATES),
                settings.getInt(EPOCH_CANDIDATES),
                settings.getInt(RECALIBRATION_BATCHES),
                settings.getInt(VALIDATION_BATCHES));
    }

    /**
     * Returns the number of architectures scored after an epoch.
     *
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return {@link #evolutionCandidates} after the last epoch, {@link #epochCandidates} before
     */
    int candidatesAfter(int epoch, int epochs) {
        return epoch >= epochs ? evolutionCandidates : epochCandidates;
    }

    /**
     * Returns the weights' learning rate in an epoch (see {@link CosineSchedule}).
     *
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return the learning rate
     */
    double learningRateAt(int epoch, int epochs) {
        return CosineSchedule.at(learningRate, minLearningRate, epoch, epochs);
    }
}
