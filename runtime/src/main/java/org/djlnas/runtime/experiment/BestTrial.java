package org.djlnas.runtime.experiment;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;

/**
 * Which finished trial a search found best, the one rule for the search, its journal's readers and
 * its report: the best objective; among equal ones (accuracy on a small validation set takes few
 * values, so ties are common) the lower validation loss, where both report one; then the earliest.
 */
public final class BestTrial {

    private BestTrial() {}

    /**
     * Returns the best of some trials.
     *
     * @param trials the trials; only done ones that report the objective compete
     * @param objective the objective's metric
     * @param direction whether it is maximised or minimised
     * @return the best trial, or empty if none competes
     */
    public static Optional<TrialRecord> of(
            Collection<TrialRecord> trials, String objective, Direction direction) {
        Comparator<TrialRecord> byLoss =
                objective.equals(Metrics.LOSS)
                        ? (a, b) -> 0
                        : Comparator.comparingDouble(
                                (TrialRecord r) ->
                                        -r.metric(Metrics.LOSS).orElse(Double.POSITIVE_INFINITY));
        return trials.stream()
                .filter(r -> r.state() == TrialState.DONE && r.metric(objective).isPresent())
                .max(
                        Comparator.comparingDouble(
                                        (TrialRecord r) ->
                                                direction.score(r.metric(objective).getAsDouble()))
                                .thenComparing(byLoss)
                                .thenComparing(TrialRecord::number, Comparator.reverseOrder()));
    }
}
