package org.djlnas.runtime.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.experiment.ExperimentResult;

/**
 * What {@code nas search} ends with.
 *
 * @param folder the experiment folder
 * @param config the experiment's configuration
 * @param result every trial and the wall time
 * @param best the best trial on the primary objective, if any trial finished
 * @param front with several objectives, the trials on the Pareto front ({@link TrialFront}), in
 *     trial order; empty with one objective
 */
public record SearchReport(
        Path folder,
        ExperimentConfig config,
        ExperimentResult result,
        Optional<BestTrialReport> best,
        List<TrialRecord> front) {

    /** Copies the front. */
    public SearchReport {
        front = List.copyOf(front);
    }
}
