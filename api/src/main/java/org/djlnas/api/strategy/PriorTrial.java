package org.djlnas.api.strategy;

import static java.util.Objects.requireNonNull;

import org.djlnas.api.arch.Architecture;

/**
 * A trial of an earlier experiment, usually on other data, that a new search starts from: a warm
 * start, as auto-sklearn's meta-learned one. Objectives of different data sets are not comparable,
 * so a prior trial keeps only how it ranked among its own experiment's trials.
 *
 * @param architecture the trial's architecture, valid in the new search's space
 * @param quality its rank among the done trials of its experiment on that experiment's primary
 *     objective, scaled to [0, 1]: 1 for the best, 0 for the worst
 * @param source the experiment it comes from (its folder, as given)
 */
public record PriorTrial(Architecture architecture, double quality, String source) {

    /** Validates the fields. */
    public PriorTrial {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(source, "source is null");
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException(
                    "prior trial quality is " + quality + "; expected a value in [0, 1]");
        }
    }
}
