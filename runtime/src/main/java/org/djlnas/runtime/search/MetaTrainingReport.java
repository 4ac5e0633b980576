package org.djlnas.runtime.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.djlnas.strategies.oneshot.MetaIteration;
import org.djlnas.strategies.oneshot.MetaStartManifest;

/**
 * What {@link MetaTraining} did.
 *
 * @param folder the meta-start folder written
 * @param manifest its manifest
 * @param iterations every meta-iteration, in order
 * @param wall the wall time of meta-training
 */
public record MetaTrainingReport(
        Path folder, MetaStartManifest manifest, List<MetaIteration> iterations, Duration wall) {

    /** Copies the iterations. */
    public MetaTrainingReport {
        iterations = List.copyOf(iterations);
    }
}
