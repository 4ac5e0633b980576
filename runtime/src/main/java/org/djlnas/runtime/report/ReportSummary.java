package org.djlnas.runtime.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an experiment is and how it went, for the head of a report.
 *
 * @param folder the experiment folder
 * @param space the space's id
 * @param spaceSettings the space's settings
 * @param strategy the strategy's id
 * @param strategySettings the strategy's settings as given
 * @param data the data set, or the tabular benchmark file the trials were looked up in
 * @param evaluator the evaluator's id
 * @param evaluatorSettings the evaluator's settings as given
 * @param engine the engine, or null for the default
 * @param seed the experiment's seed
 * @param trialBudget the trials the search was asked for
 * @param epochs the epochs of a trial (of the whole search, one-shot)
 * @param maxTrainExamples the cap on training examples (0 for all)
 * @param pruner the rule that stops trials early
 * @param objective the metric the search optimises
 * @param direction {@code maximize} or {@code minimize}
 * @param objectives every objective the search optimised ({@code METRIC:max}), the first the one
 *     above; one unless it was given several
 * @param constraints the bounds a feasible trial kept ({@code METRIC<=LIMIT}), if any
 * @param oneShot whether the strategy is one-shot (epochs, not trials)
 * @param wallSeconds seconds from the first start to the last end journaled
 * @param best the best finished trial's number, or null
 * @param bestArchitecture the best (or last derived) architecture as JSON, or null
 * @param bestMetrics the best trial's (or last epoch's) metrics, or null
 * @param generatedAt when the report was written (ISO-8601)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportSummary(
        String folder,
        String space,
        Map<String, String> spaceSettings,
        String strategy,
        Map<String, String> strategySettings,
        String data,
        String evaluator,
        Map<String, String> evaluatorSettings,
        @Nullable String engine,
        long seed,
        int trialBudget,
        double epochs,
        int maxTrainExamples,
        String pruner,
        String objective,
        String direction,
        List<String> objectives,
        List<String> constraints,
        boolean oneShot,
        double wallSeconds,
        @Nullable Integer best,
        @Nullable String bestArchitecture,
        @Nullable Map<String, Double> bestMetrics,
        String generatedAt) {}
