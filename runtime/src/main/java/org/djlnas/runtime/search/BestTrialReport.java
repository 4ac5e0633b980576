package org.djlnas.runtime.search;

import java.util.Map;
import java.util.OptionalDouble;
import org.djlnas.api.trial.TrialRecord;

/**
 * The best trial of an experiment, with its test accuracy when the evaluator can measure one.
 *
 * @param trial the best trial as journaled
 * @param testAccuracy the accuracy of its trained network on the held-out test set, if measured
 */
public record BestTrialReport(TrialRecord trial, OptionalDouble testAccuracy) {

    /**
     * Returns the trial's metrics plus {@code testAccuracy} when measured.
     *
     * @return the metrics
     */
    public Map<String, Double> metrics() {
        if (testAccuracy.isEmpty()) {
            return trial.metrics();
        }
        java.util.TreeMap<String, Double> all = new java.util.TreeMap<>(trial.metrics());
        all.put(org.djlnas.api.eval.Metrics.TEST_ACCURACY, testAccuracy.getAsDouble());
        return all;
    }
}
