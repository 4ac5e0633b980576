package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Constraint;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.eval.TrialInfeasibleException;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;

/** Constraints are kept before training when they can be, after training otherwise. */
class ConstrainedEvaluatorTest {

    /**
     * Measures a network's parameters before training (the trial number times 1000) and reports
     * accuracy and a latency after training; counts what it was asked.
     */
    static final class Sized implements Evaluator {
        final AtomicInteger trained = new AtomicInteger();
        final List<Set<String>> measured = new ArrayList<>();

        @Override
        public String objective() {
            return "accuracy";
        }

        @Override
        public Set<String> reportedMetrics() {
            return Set.of("accuracy", "parameters", "latencyMs");
        }

        @Override
        public Set<String> metricsBeforeTraining() {
            return Set.of("parameters");
        }

        @Override
        public synchronized Map<String, Double> measureBeforeTraining(
                TrialSpec trial, Set<String> metrics) {
            measured.add(metrics);
            return Map.of("parameters", 1000.0 * trial.number());
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) {
            trained.incrementAndGet();
            return Map.of("accuracy", 0.5, "latencyMs", 2.0 * trial.number());
        }
    }

    private static TrialSpec trial(int number) {
        return new TrialSpec(number, Architecture.of(Map.of("x", number)), new Budget(1, 0), 7);
    }

    private static Evaluator constrained(Evaluator evaluator, String... constraints) {
        return ConstrainedEvaluator.of(
                evaluator,
                List.of(Objective.parse("accuracy:max")),
                List.of(constraints).stream().map(Constraint::parse).toList());
    }

    @Test
    void aCandidateThatBreaksAConstraintBeforeTrainingIsNeverTrained() {
        Sized sized = new Sized();
        Evaluator evaluator = constrained(sized, "params<=2500");

        assertThatThrownBy(() -> evaluator.evaluate(trial(3)))
                .isInstanceOf(TrialInfeasibleException.class)
                .hasMessage("before training: parameters = 3000 breaks parameters<=2500")
                .satisfies(
                        e ->
                                assertThat(((TrialInfeasibleException) e).metrics())
                                        .isEqualTo(Map.of("parameters", 3000.0)));
        assertThat(sized.trained).hasValue(0);
        assertThat(sized.measured).containsExactly(Set.of("parameters"));
    }

    @Test
    void aFeasibleCandidateTrainsAndKeepsItsMetricsMeasuredBeforeTraining() throws Exception {
        Sized sized = new Sized();
        Evaluator evaluator = constrained(sized, "params<=2500", "latency-ms<=10");

        assertThat(evaluator.evaluate(trial(2)))
                .isEqualTo(Map.of("parameters", 2000.0, "accuracy", 0.5, "latencyMs", 4.0));
        assertThat(sized.trained).hasValue(1);
    }

    @Test
    void aConstraintOnATrainedMetricIsCheckedAfterTrainingWithTheMetricsKept() {
        Sized sized = new Sized();
        Evaluator evaluator = constrained(sized, "latency-ms<=5");

        assertThatThrownBy(() -> evaluator.evaluate(trial(4)))
                .isInstanceOf(TrialInfeasibleException.class)
                .hasMessage("after training: latencyMs = 8 breaks latencyMs<=5")
                .satisfies(
                        e ->
                                assertThat(((TrialInfeasibleException) e).metrics())
                                        .isEqualTo(Map.of("accuracy", 0.5, "latencyMs", 8.0)));
        assertThat(sized.trained).hasValue(1);
        assertThat(sized.measured).isEmpty();
    }

    @Test
    void aConstraintOnAMetricTheEvaluatorDidNotReportFailsTheTrial() {
        Evaluator evaluator = constrained(new Sized(), "flops<=5");

        assertThatThrownBy(() -> evaluator.evaluate(trial(1)))
                .isInstanceOf(TrialFailedException.class)
                .hasMessage("the evaluator reported no 'flops' metric for the constraint flops<=5");
    }

    @Test
    void objectivesMeasuredBeforeTrainingJoinTheResultWithoutAnyConstraint() throws Exception {
        Sized sized = new Sized();
        Evaluator evaluator =
                ConstrainedEvaluator.of(
                        sized,
                        List.of(Objective.parse("accuracy:max"), Objective.parse("params:min")),
                        List.of());

        assertThat(evaluator.evaluate(trial(1))).containsEntry("parameters", 1000.0);
        assertThat(ConstrainedEvaluator.unwrap(evaluator)).isSameAs(sized);
        assertThat(
                        ConstrainedEvaluator.of(
                                sized, List.of(Objective.parse("accuracy:max")), List.of()))
                .isSameAs(sized);
    }

    @Test
    void theExecutorJournalsABrokenConstraintAsInfeasible() throws Exception {
        Sized sized = new Sized();
        TrialResult result;
        try (LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            result =
                    executor.submit(
                                    trial(3),
                                    constrained(sized, "params<=2500"),
                                    org.djlnas.api.eval.TrialReporter.NONE)
                            .join();
        }
        assertThat(result.state()).isEqualTo(TrialState.INFEASIBLE);
        assertThat(result.metrics()).isEqualTo(Map.of("parameters", 3000.0));
        assertThat(result.error()).contains("parameters = 3000 breaks parameters<=2500");
    }
}
