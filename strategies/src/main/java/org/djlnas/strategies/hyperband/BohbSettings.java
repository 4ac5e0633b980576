package org.djlnas.strategies.hyperband;

import java.util.List;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;

/**
 * The settings of BOHB's model; the defaults are those of Falkner et al. 2018 and HpBandSter.
 *
 * @param topFraction γ, the fraction of observations (at least {@code minPoints}) that make the
 *     good density
 * @param randomFraction the probability of drawing a fresh configuration uniformly instead of from
 *     the model
 * @param minPoints the fewest observations in each density; a budget needs {@code minPoints + 2}
 *     before it has a model
 * @param candidates how many candidates are drawn from the good density per proposal
 * @param bandwidthFactor how much the bandwidths are widened while drawing candidates
 * @param minBandwidth the smallest bandwidth
 */
record BohbSettings(
        double topFraction,
        double randomFraction,
        int minPoints,
        int candidates,
        double bandwidthFactor,
        double minBandwidth) {

    /**
     * Declares BOHB's own settings.
     *
     * @return the settings
     */
    static List<SettingSpec> specs() {
        return List.of(
                SettingSpec.number(
                        BohbProvider.TOP_FRACTION,
                        0.15,
                        0,
                        "the fraction of the observations, best first, that make the good density"
                                + " (in (0, 1))"),
                SettingSpec.number(
                        BohbProvider.RANDOM_FRACTION,
                        1.0 / 3,
                        0,
                        "the probability of drawing a fresh configuration uniformly instead of"
                                + " from the model (in [0, 1])"),
                SettingSpec.integer(
                        BohbProvider.MIN_POINTS_IN_MODEL,
                        0,
                        0,
                        "the fewest observations in each density; a budget has a model from this"
                                + " plus 2 observations (0: the number of choices + 1)"),
                SettingSpec.integer(
                        BohbProvider.CANDIDATES,
                        64,
                        1,
                        "candidates drawn from the good density for each model-based proposal"),
                SettingSpec.number(
                        BohbProvider.BANDWIDTH_FACTOR,
                        3,
                        1,
                        "how much the bandwidths are widened while drawing candidates"),
                SettingSpec.number(
                        BohbProvider.MIN_BANDWIDTH,
                        1e-3,
                        0,
                        "the smallest bandwidth of a kernel, so that no choice is ever ruled out"
                                + " (in (0, 1))"));
    }

    /**
     * Reads and checks BOHB's settings.
     *
     * @param owner the strategy, for messages
     * @param settings the resolved settings
     * @param choices the number of choices of the space, for the automatic {@code minPoints}
     * @return the settings
     * @throws IllegalArgumentException naming the setting if a fraction or the minimum bandwidth is
     *     outside its range
     */
    static BohbSettings from(String owner, Settings settings, int choices) {
        double topFraction = settings.getDouble(BohbProvider.TOP_FRACTION);
        if (!(topFraction > 0 && topFraction < 1)) {
            throw invalid(owner, BohbProvider.TOP_FRACTION, topFraction, "a number in (0, 1)");
        }
        double randomFraction = settings.getDouble(BohbProvider.RANDOM_FRACTION);
        if (randomFraction > 1) {
            throw invalid(
                    owner, BohbProvider.RANDOM_FRACTION, randomFraction, "a number in [0, 1]");
        }
        double minBandwidth = settings.getDouble(BohbProvider.MIN_BANDWIDTH);
        if (!(minBandwidth > 0 && minBandwidth < 1)) {
            throw invalid(owner, BohbProvider.MIN_BANDWIDTH, minBandwidth, "a number in (0, 1)");
        }
        int minPoints = settings.getInt(BohbProvider.MIN_POINTS_IN_MODEL);
        return new BohbSettings(
                topFraction,
                randomFraction,
                minPoints == 0 ? choices + 1 : minPoints,
                settings.getInt(BohbProvider.CANDIDATES),
                settings.getDouble(BohbProvider.BANDWIDTH_FACTOR),
                minBandwidth);
    }

    private static IllegalArgumentException invalid(
            String owner, String name, double value, String expected) {
        return new IllegalArgumentException(
                "setting '" + name + "' of " + owner + " is " + value + "; expected " + expected);
    }
}
