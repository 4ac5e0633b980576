package org.djlnas.runtime.search;

import java.nio.file.Path;
import java.time.Duration;
import org.djlnas.api.oneshot.OneShotResult;

/**
 * What a one-shot search produced.
 *
 * @param folder the experiment folder
 * @param config the experiment's configuration
 * @param result the derived architecture and the epochs' history
 * @param wall the wall time of this run (a resumed run counts only its own part)
 */
public record OneShotReport(
        Path folder, ExperimentConfig config, OneShotResult result, Duration wall) {}
