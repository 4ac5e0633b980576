package org.djlnas.strategies;

import java.util.List;
import java.util.Optional;
import org.djlnas.api.settings.SettingSpec;

/**
 * The {@code crossover} setting the evolutionary strategies share: {@code none}, {@code uniform}
 * (choice by choice) or {@code cell} (cell by cell), read into an optional {@link
 * UniformCrossover.Unit}.
 */
final class CrossoverSetting {

    /** The setting's name. */
    static final String NAME = "crossover";

    /** The values, in the order they are listed. */
    static final List<String> VALUES = List.of("none", "uniform", "cell");

    private CrossoverSetting() {}

    /**
     * Describes the setting.
     *
     * @param defaultValue one of {@link #VALUES}
     */
    static SettingSpec spec(String defaultValue) {
        return SettingSpec.string(
                NAME,
                defaultValue,
                "how two parents are crossed: 'none', 'uniform' (each choice from either parent)"
                        + " or 'cell' (each cell, the choices sharing their label's first part,"
                        + " from either parent)");
    }

    /**
     * Reads the setting.
     *
     * @param value the setting's value
     * @param strategy the strategy's id, for the message
     * @return the unit crossed, or empty for {@code none}
     * @throws IllegalArgumentException naming the setting if the value is not one of {@link
     *     #VALUES}
     */
    static Optional<UniformCrossover.Unit> parse(String value, String strategy) {
        return switch (value) {
            case "none" -> Optional.empty();
            case "uniform" -> Optional.of(UniformCrossover.Unit.CHOICE);
            case "cell" -> Optional.of(UniformCrossover.Unit.CELL);
            default ->
                    throw new IllegalArgumentException(
                            "setting '"
                                    + NAME
                                    + "' of strategy '"
                                    + strategy
                                    + "' is '"
                                    + value
                                    + "'; expected one of "
                                    + VALUES);
        };
    }
}
