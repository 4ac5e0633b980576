package org.djlnas.strategies.oneshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The settings of a GDAS search: DARTS's first-order steps and optimizers ({@link DartsSettings},
 * with the same names and defaults, less {@code order} and the collapse guard), and the Gumbel
 * softmax's temperature, decreased linearly over the epochs from {@code tau-max} to {@code tau-min}
 * (Dong and Yang, 2019: from 10 to 0.1).
 *
 * @param steps the weight and architecture steps' settings (first order, no collapse guard)
 * @param tauMax the temperature of the first epoch
 * @param tauMin the temperature of the last epoch
 */
record GdasSettings(DartsSettings steps, double tauMax, double tauMin) {

    static final String TAU_MAX = "tau-max";
    static final String TAU_MIN = "tau-min";

    /** The DARTS settings GDAS has no use for. */
    private static final Set<String> NOT_GDAS =
            Set.of(DartsSettings.ORDER, DartsSettings.MAX_SKIP_CONNECTIONS);

    /** Validates the fields. */
    GdasSettings {
        if (steps.order() != 1 || steps.maxSkipConnections() != -1) {
            throw new IllegalArgumentException(
                    "GDAS takes first-order steps without the collapse guard");
        }
        if (!(tauMin > 0)) {
            throw new IllegalArgumentException(
                    "GDAS setting '" + TAU_MIN + "' is " + tauMin + "; expected > 0");
        }
        if (tauMin > tauMax) {
            throw new IllegalArgumentException(
                    "GDAS setting '"
                            + TAU_MIN
                            + "' is "
                            + tauMin
                            + "; expected at most '"
                            + TAU_MAX
                            + "' ("
                            + tauMax
                            + ")");
        }
    }

    /**
     * Declares the settings: DARTS's step settings with their defaults, and the temperatures.
     *
     * @return the specs
     */
    static List<SettingSpec> specs() {
        List<SettingSpec> specs = new ArrayList<>();
        for (SettingSpec spec : DartsSettings.specs(1)) {
            if (!NOT_GDAS.contains(spec.name())) {
                specs.add(spec);
            }
        }
        specs.add(
                SettingSpec.number(
                        TAU_MAX, 10, 0, "Gumbel-softmax temperature of the first epoch"));
        specs.add(
                SettingSpec.number(
                        TAU_MIN,
                        0.1,
                        0,
                        "Gumbel-softmax temperature of the last epoch (linear in between)"));
        return List.copyOf(specs);
    }

    /**
     * Reads resolved settings.
     *
     * @param settings settings resolved against {@link #specs()}
     * @return the record
     */
    static GdasSettings from(Settings settings) {
        return new GdasSettings(
                new DartsSettings(
                        1,
                        settings.getInt(DartsSettings.BATCH_SIZE),
                        settings.getDouble(DartsSettings.LEARNING_RATE),
                        settings.getDouble(DartsSettings.MIN_LEARNING_RATE),
                        settings.getDouble(DartsSettings.MOMENTUM),
                        settings.getDouble(DartsSettings.WEIGHT_DECAY),
                        settings.getDouble(DartsSettings.GRADIENT_CLIP),
                        settings.getDouble(DartsSettings.ARCH_LEARNING_RATE),
                        settings.getDouble(DartsSettings.ARCH_BETA1),
                        settings.getDouble(DartsSettings.ARCH_BETA2),
                        settings.getDouble(DartsSettings.ARCH_WEIGHT_DECAY),
                        -1,
                        settings.getInt(DartsSettings.VALIDATION_BATCHES)),
                settings.getDouble(TAU_MAX),
                settings.getDouble(TAU_MIN));
    }

    /**
     * Returns the temperature of an epoch: {@code tau-max} in the first, {@code tau-min} in the
     * last, linear in between, as GDAS's code sets it ({@code τ_max − (τ_max − τ_min) · e / (E −
     * 1)} for the epoch {@code e} counted from 0). A single epoch runs at {@code tau-max}.
     *
     * @param epoch the epoch, counting from 1
     * @param epochs the number of epochs
     * @return the temperature
     */
    double temperatureAt(int epoch, int epochs) {
        if (epochs == 1) {
            return tauMax;
        }
        return tauMax - (tauMax - tauMin) * (epoch - 1) / (epochs - 1);
    }
}
