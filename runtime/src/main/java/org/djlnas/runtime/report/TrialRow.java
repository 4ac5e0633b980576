package org.djlnas.runtime.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One trial as a report shows it.
 *
 * @param number the trial's number
 * @param state pending, running, done, failed, pruned or infeasible
 * @param id the architecture's id
 * @param choices per {@link ReportData#choices()} column, the index of the chosen value, or -1
 * @param metrics the trial's metrics
 * @param epochs the trial's budget in epochs
 * @param continues the trial whose checkpoint this one continued, or null
 * @param seed the trial's seed
 * @param start seconds from the experiment's first start to this trial's start, or null
 * @param seconds the trial's duration, or null
 * @param intermediate the values reported after each step, as {@code [step, value]} pairs
 * @param error why the trial failed, or null
 * @param paretoFronts the costs (parameters, latencyMs) against which the trial is on the Pareto
 *     front: no other finished trial has at least its objective at less cost, or more objective at
 *     the same cost
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialRow(
        int number,
        String state,
        String id,
        List<Integer> choices,
        Map<String, Double> metrics,
        double epochs,
        @Nullable Integer continues,
        long seed,
        @Nullable Double start,
        @Nullable Double seconds,
        List<double[]> intermediate,
        @Nullable String error,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> paretoFronts) {

    /** Copies the lists. */
    public TrialRow {
        choices = List.copyOf(choices);
        intermediate = List.copyOf(intermediate);
        paretoFronts = List.copyOf(paretoFronts);
    }
}
