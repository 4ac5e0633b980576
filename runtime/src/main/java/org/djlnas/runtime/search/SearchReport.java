package org.djlnas.runtime.search;

import java.nio.file.Path;
import java.util.Optional;
import org.djlnas.runtime.experiment.ExperimentResult;

/**
 * What {@code nas search} ends with.
 *
 * @param folder the experiment folder
 * @param config the experiment's configuration
 * @param result every trial and the wall time
 * @param best the best trial, if any trial finished
 */
public record SearchReport(
        Path folder,
        ExperimentConfig config,
        ExperimentResult result,
        Optional<BestTrialReport> best) {}
