package org.djlnas.runtime.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.djlnas.api.eval.Constraint;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.runtime.experiment.ConstrainedEvaluator;

/**
 * What a multi-trial search optimises and the bounds it keeps ({@code objectives}, {@code
 * constraints}), checked against the strategy and the evaluator before anything is written, and
 * applied to the evaluator wherever it is built (the driver, worker processes, Spark executors).
 */
final class SearchGoals {

    private SearchGoals() {}

    /**
     * Checks what can be checked without the evaluator: each objective's metric once, constraints
     * that some value keeps, and a strategy that accepts several objectives when there are.
     *
     * @param config the configuration
     * @param plugins the strategies
     * @throws IllegalArgumentException naming the field and the value
     */
    static void check(ExperimentConfig config, Plugins plugins) {
        List<Objective> objectives = config.parsedObjectives();
        Set<String> seen = new HashSet<>();
        for (Objective objective : objectives) {
            if (!seen.add(objective.metric())) {
                throw new IllegalArgumentException(
                        "`objectives` name '"
                                + objective.metric()
                                + "' twice; expected each metric once");
            }
        }
        checkConsistent(config.parsedConstraints());
        StrategyProvider strategy = plugins.strategyProvider(config.strategy());
        if (objectives.size() > 1 && !strategy.multiObjective()) {
            List<String> several =
                    plugins.strategies().values().stream()
                            .filter(StrategyProvider::multiObjective)
                            .map(StrategyProvider::id)
                            .sorted()
                            .toList();
            throw new IllegalArgumentException(
                    "`objectives` has "
                            + objectives.size()
                            + " objectives; strategy '"
                            + config.strategy()
                            + "' optimises one, expected one objective (strategies for several: "
                            + String.join(", ", several)
                            + ")");
        }
    }

    /**
     * Refuses objectives and constraints for a one-shot strategy, which optimises its data's task.
     *
     * @param config the configuration of a one-shot search
     * @throws IllegalArgumentException if either was given
     */
    static void checkOneShot(ExperimentConfig config) {
        refuseForOneShot("objectives", config.parsedObjectives(), config);
        refuseForOneShot("constraints", config.parsedConstraints(), config);
    }

    private static void refuseForOneShot(String field, List<?> given, ExperimentConfig config) {
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(
                    "`"
                            + field
                            + "` is "
                            + given.stream().map(Object::toString).collect(Collectors.joining(", "))
                            + "; strategy '"
                            + config.strategy()
                            + "' trains one supernet on its task's objective, expected none");
        }
    }

    /** Refuses two constraints on one metric that no value keeps together. */
    private static void checkConsistent(List<Constraint> constraints) {
        for (Constraint atMost : constraints) {
            for (Constraint atLeast : constraints) {
                if (atMost.bound() == Constraint.Bound.AT_MOST
                        && atLeast.bound() == Constraint.Bound.AT_LEAST
                        && atMost.metric().equals(atLeast.metric())
                        && atLeast.limit() > atMost.limit()) {
                    throw new IllegalArgumentException(
                            "`constraints` "
                                    + atMost
                                    + " and "
                                    + atLeast
                                    + " contradict each other; expected bounds some value keeps");
                }
            }
        }
    }

    /**
     * Returns what the search optimises: the configuration's objectives, or the evaluator's own.
     *
     * @param config the configuration
     * @param evaluator the evaluator
     * @return the objectives, the first one primary
     */
    static List<Objective> objectives(ExperimentConfig config, Evaluator evaluator) {
        List<Objective> given = config.parsedObjectives();
        return given.isEmpty()
                ? List.of(new Objective(evaluator.objective(), evaluator.direction()))
                : given;
    }

    /**
     * Checks the objectives and constraints against what the evaluator reports, and a pruner
     * against the primary objective (a pruner compares the values the evaluator reports after each
     * epoch, which are its own objective's).
     *
     * @param config the configuration
     * @param evaluator the evaluator
     * @throws IllegalArgumentException naming the field, the metric and the metrics expected
     */
    static void check(ExperimentConfig config, Evaluator evaluator) {
        Set<String> reported = evaluator.reportedMetrics();
        for (Objective objective : config.parsedObjectives()) {
            checkReported("objectives", objective.metric(), reported, config);
        }
        for (Constraint constraint : config.parsedConstraints()) {
            checkReported("constraints", constraint.metric(), reported, config);
        }
        Objective own = new Objective(evaluator.objective(), evaluator.direction());
        Objective primary = objectives(config, evaluator).get(0);
        if (!config.pruner().equals(SearchSetup.NO_PRUNER) && !primary.equals(own)) {
            throw new IllegalArgumentException(
                    "`pruner` is "
                            + config.pruner()
                            + ", which compares the evaluator's "
                            + own
                            + " after each epoch, but the first of `objectives` is "
                            + primary
                            + "; expected no pruner, or "
                            + own
                            + " first");
        }
    }

    private static void checkReported(
            String field, String metric, Set<String> reported, ExperimentConfig config) {
        if (!reported.contains(metric)) {
            throw new IllegalArgumentException(
                    "`"
                            + field
                            + "`: evaluator '"
                            + config.evaluatorId()
                            + "' does not report '"
                            + metric
                            + "'; expected one of "
                            + String.join(", ", new TreeSet<>(reported)));
        }
    }

    /**
     * Returns the evaluator that keeps the configuration's constraints ({@link
     * ConstrainedEvaluator}).
     *
     * @param config the configuration
     * @param evaluator the evaluator its provider built
     * @return the evaluator to run trials with
     */
    static Evaluator constrained(ExperimentConfig config, Evaluator evaluator) {
        return ConstrainedEvaluator.of(
                evaluator, objectives(config, evaluator), config.parsedConstraints());
    }
}
