package org.djlnas.runtime.experiment;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.djlnas.api.eval.Constraint;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialInfeasibleException;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;

/**
 * An evaluator that keeps a search's constraints. Before a trial trains, it measures the metrics of
 * the constraints and objectives that the wrapped evaluator can measure on the untrained network
 * ({@link Evaluator#metricsBeforeTraining}); a trial that breaks a constraint on them is infeasible
 * ({@link TrialInfeasibleException}, naming the constraint and the value) and is never trained.
 * After training, the other constraints are checked on the trained metrics; a trial that breaks one
 * is infeasible with those metrics kept. The metrics measured before training join the result's,
 * which win where both hold a metric.
 */
public final class ConstrainedEvaluator implements Evaluator {

    private final Evaluator evaluator;
    private final List<Constraint> constraints;
    private final Set<String> beforeTraining;

    private ConstrainedEvaluator(
            Evaluator evaluator, List<Objective> objectives, List<Constraint> constraints) {
        this.evaluator = evaluator;
        this.constraints = List.copyOf(constraints);
        Set<String> wanted = new LinkedHashSet<>();
        constraints.forEach(c -> wanted.add(c.metric()));
        objectives.forEach(o -> wanted.add(o.metric()));
        wanted.retainAll(evaluator.metricsBeforeTraining());
        this.beforeTraining = Set.copyOf(wanted);
    }

    /**
     * Returns an evaluator that keeps the constraints and measures before training what it can of
     * the objectives and constraints, or the evaluator itself when there is nothing to do.
     *
     * @param evaluator the evaluator
     * @param objectives the search's objectives
     * @param constraints the search's constraints
     * @return the evaluator to run trials with
     */
    public static Evaluator of(
            Evaluator evaluator, List<Objective> objectives, List<Constraint> constraints) {
        requireNonNull(evaluator, "evaluator is null");
        ConstrainedEvaluator constrained =
                new ConstrainedEvaluator(evaluator, objectives, constraints);
        if (constraints.isEmpty() && constrained.beforeTraining.isEmpty()) {
            return evaluator;
        }
        return constrained;
    }

    /**
     * Returns the evaluator an evaluator wraps, or the evaluator itself if it wraps none.
     *
     * @param evaluator an evaluator, perhaps constrained
     * @return the evaluator that scores trials
     */
    public static Evaluator unwrap(Evaluator evaluator) {
        return evaluator instanceof ConstrainedEvaluator constrained
                ? constrained.evaluator
                : evaluator;
    }

    @Override
    public String objective() {
        return evaluator.objective();
    }

    @Override
    public Direction direction() {
        return evaluator.direction();
    }

    @Override
    public Set<String> reportedMetrics() {
        return evaluator.reportedMetrics();
    }

    @Override
    public Set<String> metricsBeforeTraining() {
        return evaluator.metricsBeforeTraining();
    }

    @Override
    public Map<String, Double> measureBeforeTraining(TrialSpec trial, Set<String> metrics)
            throws Exception {
        return evaluator.measureBeforeTraining(trial, metrics);
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial) throws Exception {
        return evaluate(trial, TrialReporter.NONE);
    }

    @Override
    public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter) throws Exception {
        Map<String, Double> before =
                beforeTraining.isEmpty()
                        ? Map.of()
                        : evaluator.measureBeforeTraining(trial, beforeTraining);
        check(before, false);
        Map<String, Double> trained;
        try {
            trained = evaluator.evaluate(trial, reporter);
        } catch (TrialPrunedException e) {
            throw new TrialPrunedException(e.getMessage(), merged(before, e.metrics()));
        }
        Map<String, Double> metrics = merged(before, trained);
        check(metrics, true);
        return metrics;
    }

    /**
     * Checks the constraints whose metric is measured; after training, every constraint must be.
     */
    private void check(Map<String, Double> metrics, boolean trained)
            throws TrialInfeasibleException, TrialFailedException {
        List<String> broken = new ArrayList<>();
        for (Constraint constraint : constraints) {
            Double value = metrics.get(constraint.metric());
            if (value == null) {
                if (trained) {
                    throw new TrialFailedException(
                            "the evaluator reported no '"
                                    + constraint.metric()
                                    + "' metric for the constraint "
                                    + constraint);
                }
                continue;
            }
            if (Double.isNaN(value) || !constraint.admits(value)) {
                broken.add(constraint.metric() + " = " + number(value) + " breaks " + constraint);
            }
        }
        if (!broken.isEmpty()) {
            throw new TrialInfeasibleException(
                    (trained ? "after training" : "before training")
                            + ": "
                            + String.join("; ", broken),
                    metrics);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static Map<String, Double> merged(
            Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> all = new LinkedHashMap<>(before);
        all.putAll(after);
        return all;
    }

    @Override
    public OptionalDouble testObjective(TrialRecord trial) throws IOException {
        return evaluator.testObjective(trial);
    }
}
