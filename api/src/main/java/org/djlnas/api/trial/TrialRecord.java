package org.djlnas.api.trial;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A trial as the journal holds it.
 *
 * @param spec what was run
 * @param state where it is
 * @param metrics its metrics (empty until it ends)
 * @param error why it failed, or null
 * @param startedAt when its last run started, or null
 * @param endedAt when it ended, or null
 */
public record TrialRecord(
        TrialSpec spec,
        TrialState state,
        Map<String, Double> metrics,
        @Nullable String error,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt) {

    /** Copies the metrics. */
    public TrialRecord {
        metrics = Map.copyOf(metrics);
    }

    /**
     * Returns the trial's number.
     *
     * @return the number
     */
    public int number() {
        return spec.number();
    }

    /**
     * Returns a metric, if reported.
     *
     * @param name the metric's name
     * @return its value
     */
    public OptionalDouble metric(String name) {
        Double value = metrics.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Returns the error of a failed trial.
     *
     * @return the error
     */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns the seconds between start and end, if both are known.
     *
     * @return the duration in seconds
     */
    public OptionalDouble seconds() {
        if (startedAt == null || endedAt == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(java.time.Duration.between(startedAt, endedAt).toNanos() / 1e9);
    }
}
