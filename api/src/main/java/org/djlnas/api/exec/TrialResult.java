package org.djlnas.api.exec;

import java.time.Instant;
import java.util.Map;
import org.djlnas.api.trial.TrialState;
import org.jspecify.annotations.Nullable;

/**
 * How a trial's evaluation ended.
 *
 * @param state {@code DONE}, {@code FAILED} or {@code PRUNED}
 * @param metrics the evaluator's metrics (empty when it failed)
 * @param error why it failed, or null
 * @param startedAt when evaluation started
 * @param endedAt when it ended
 */
public record TrialResult(
        TrialState state,
        Map<String, Double> metrics,
        @Nullable String error,
        Instant startedAt,
        Instant endedAt) {

    /** Copies the metrics. */
    public TrialResult {
        metrics = Map.copyOf(metrics);
    }
}
