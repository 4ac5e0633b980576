package org.djlnas.api.eval;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;

/**
 * Scores an architecture under a budget. Implementations must be safe to call from several threads
 * at once (one trial per call).
 */
public interface Evaluator {

    /**
     * Returns the name of the metric a search optimises (for example {@code accuracy} or {@code
     * rmse}).
     *
     * @return the objective metric's name
     */
    String objective();

    /**
     * Returns whether the objective is maximised or minimised. Strategies are given scores ({@link
     * Direction#score}), so they always maximise.
     *
     * @return the direction; maximise unless the evaluator says otherwise
     */
    default Direction direction() {
        return Direction.MAXIMIZE;
    }

    /**
     * Returns the names of the metrics this evaluator reports for a finished trial, so that
     * objectives and constraints on other metrics are refused before a search starts.
     *
     * @return the metric names, as journaled; the objective at least
     */
    default Set<String> reportedMetrics() {
        return Set.of(objective());
    }

    /**
     * Returns the metrics this evaluator can measure on a trial's network without training it (such
     * as {@link Metrics#PARAMETERS}, {@link Metrics#FLOPS} or {@link Metrics#LATENCY_MS}), so that
     * a constraint on them rejects a candidate before it costs a training run.
     *
     * @return the metric names, a subset of {@link #reportedMetrics()}
     */
    default Set<String> metricsBeforeTraining() {
        return Set.of();
    }

    /**
     * Measures a trial's untrained network.
     *
     * @param trial the trial
     * @param metrics which metrics to measure, a subset of {@link #metricsBeforeTraining()}
     * @return the measured metrics
     * @throws Exception on engine errors, or if the architecture cannot be compiled
     */
    default Map<String, Double> measureBeforeTraining(TrialSpec trial, Set<String> metrics)
            throws Exception {
        if (!metrics.isEmpty()) {
            throw new UnsupportedOperationException(
                    "this evaluator measures nothing before training; asked for " + metrics);
        }
        return Map.of();
    }

    /**
     * Evaluates one trial.
     *
     * @param trial the trial
     * @return the metrics, including the objective
     * @throws TrialFailedException if the trial cannot produce a result (NaN loss, bad architecture
     *     for the data); other exceptions also fail the trial
     * @throws Exception on I/O or engine errors
     */
    Map<String, Double> evaluate(TrialSpec trial) throws Exception;

    /**
     * Evaluates one trial, reporting its objective after each step so it may be stopped early.
     * Evaluators that train in steps override this; the default ignores the reporter.
     *
     * @param trial the trial
     * @param reporter where to report intermediate objectives
     * @return the metrics, including the objective
     * @throws TrialPrunedException if the reporter asked to stop the trial
     * @throws TrialFailedException if the trial cannot produce a result
     * @throws Exception on I/O or engine errors
     */
    default Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter) throws Exception {
        return evaluate(trial);
    }

    /**
     * Measures a finished trial on held-out test data, where the evaluator has any (the training
     * evaluator tests the weights it kept; a tabular benchmark has no test data).
     *
     * @param trial the finished trial, usually the search's best
     * @return its objective on the test data, or empty
     * @throws IOException if data or weights cannot be read
     */
    default OptionalDouble testObjective(TrialRecord trial) throws IOException {
        return OptionalDouble.empty();
    }
}
