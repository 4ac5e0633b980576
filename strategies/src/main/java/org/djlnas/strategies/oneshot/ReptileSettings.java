package org.djlnas.strategies.oneshot;

import static java.util.Objects.requireNonNull;

import org.djlnas.api.settings.Settings;

/**
 * The settings of Reptile meta-training over tasks ({@link Reptile}).
 *
 * @param metaIterations how many meta-iterations: each picks one task and adapts to it
 * @param innerSteps k, the first-order DARTS steps (an architecture step then a weight step) each
 *     meta-iteration runs on its task
 * @param metaStepSize ε of {@code θ ← θ + ε(θ' − θ)}, in (0, 1]
 * @param innerSettings the DARTS settings of the inner steps (batch size, learning rates, momentum,
 *     weight decay, clipping), resolved against the {@code darts} strategy's settings; the weight
 *     learning rate is constant ({@code learning-rate}) and the order must be 1
 */
public record ReptileSettings(
        int metaIterations, int innerSteps, double metaStepSize, Settings innerSettings) {

    /** Validates the settings, naming the bad field. */
    public ReptileSettings {
        requireNonNull(innerSettings, "innerSettings is null");
        if (metaIterations < 1) {
            throw new IllegalArgumentException(
                    "`metaIterations` is " + metaIterations + "; expected >= 1");
        }
        if (innerSteps < 1) {
            throw new IllegalArgumentException("`innerSteps` is " + innerSteps + "; expected >= 1");
        }
        if (!(metaStepSize > 0 && metaStepSize <= 1)) {
            throw new IllegalArgumentException(
                    "`metaStepSize` is " + metaStepSize + "; expected a number in (0, 1]");
        }
        if (dartsSettings(innerSettings).order() != 1) {
            throw new IllegalArgumentException(
                    "the inner DARTS setting 'order' is 2; Reptile's inner steps are first order,"
                            + " expected 1");
        }
    }

    DartsSettings darts() {
        return dartsSettings(innerSettings);
    }

    private static DartsSettings dartsSettings(Settings settings) {
        return DartsSettings.from(settings);
    }
}
