package org.djlnas.runtime.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.trial.TrialRecord;

/**
 * What an experiment run ends with.
 *
 * @param trials every finished trial, by number
 * @param best the finished trial with the best primary objective (on a tie, the lower validation
 *     loss, then the earliest)
 * @param wall the wall time of this run
 */
public record ExperimentResult(
        List<TrialRecord> trials, Optional<TrialRecord> best, Duration wall) {

    /** Copies the trials. */
    public ExperimentResult {
        trials = List.copyOf(trials);
    }
}
