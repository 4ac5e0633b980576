package org.djlnas.runtime.search;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.djlnas.api.trial.TrialRecord;

/**
 * The best trial of an experiment, with its objective on the held-out test set when the evaluator
 * can measure one.
 *
 * @param trial the best trial as journaled
 * @param objective the objective metric, for example {@code accuracy} or {@code rmse}
 * @param testObjective the objective of its trained network on the test set, if measured
 */
public record BestTrialReport(TrialRecord trial, String objective, OptionalDouble testObjective) {

    /**
     * Returns the trial's metrics plus the test objective when measured, named {@code test} and the
     * objective's name ({@code testAccuracy}, {@code testRmse}).
     *
     * @return the metrics
     */
    public Map<String, Double> metrics() {
        if (testObjective.isEmpty()) {
            return trial.metrics();
        }
        Map<String, Double> all = new TreeMap<>(trial.metrics());
        all.put(testMetric(objective), testObjective.getAsDouble());
        return all;
    }

    /**
     * Names an objective measured on the test set: {@code accuracy} → {@code testAccuracy}.
     *
     * @param objective the objective metric
     * @return the test metric's name
     */
    public static String testMetric(String objective) {
        if (objective.isEmpty()) {
            return "test";
        }
        return "test" + objective.substring(0, 1).toUpperCase(Locale.ROOT) + objective.substring(1);
    }
}
