package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Pruner;
import org.djlnas.api.eval.TrialPrunedException;
import org.djlnas.api.eval.TrialReporter;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.pruning.MedianStoppingRule;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An evaluator whose objective is an error: smaller is better everywhere the loop decides. */
class MinimizedObjectiveTest {

    private static final SearchSpace SPACE =
            new NasBench201Provider()
                    .create(
                            Settings.defaults("space", new NasBench201Provider().settings()),
                            OpRegistry.discover());

    @TempDir Path folder;

    /** Proposes random architectures and keeps what it is told. */
    static final class Recording implements Strategy {
        private final SplittableRandom random = new SplittableRandom(3);
        final List<TrialOutcome> told = new ArrayList<>();

        @Override
        public Optional<Proposal> ask() {
            return Optional.of(new Proposal(SPACE.sample(random), Budget.ofEpochs(3)));
        }

        @Override
        public void tell(TrialOutcome outcome) {
            told.add(outcome);
        }
    }

    /**
     * An error that falls over three steps to a final value set by the trial number: trial 1 ends
     * at 10, trial 2 at 20, and so on, except that trials 6 and up end at 1 (the best) when even
     * and at 100 (the worst) when odd.
     */
    static final class FallingError implements Evaluator {
        @Override
        public String objective() {
            return "rmse";
        }

        @Override
        public Direction direction() {
            return Direction.MINIMIZE;
        }

        static double finalError(int trial) {
            if (trial <= 5) {
                return 10.0 * trial;
            }
            return trial % 2 == 0 ? 1 : 100;
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) {
            return Map.of("rmse", finalError(trial.number()));
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial, TrialReporter reporter)
                throws TrialPrunedException {
            double error = finalError(trial.number());
            for (int step = 1; step <= 3; step++) {
                double value = error * (4 - step);
                reporter.report(value, step);
                if (reporter.shouldStop()) {
                    throw new TrialPrunedException("pruned at step " + step, Map.of("rmse", value));
                }
            }
            return Map.of("rmse", error);
        }
    }

    private ExperimentResult run(Recording strategy, int trials) throws Exception {
        return run(strategy, trials, new MedianStoppingRule(3, 0));
    }

    private ExperimentResult run(Recording strategy, int trials, Pruner pruner) throws Exception {
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder);
                LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            return Experiment.builder()
                    .setStrategy(strategy)
                    .setEvaluator(new FallingError())
                    .setExecutor(executor)
                    .setStore(store)
                    .setMaxTrials(trials)
                    .setSeed(1)
                    .setPruner(pruner)
                    .build()
                    .run();
        }
    }

    @Test
    void strategiesAreToldNegatedErrorsAndTheBestTrialHasTheSmallestError() throws Exception {
        Recording strategy = new Recording();
        ExperimentResult result = run(strategy, 5, Pruner.NEVER);

        assertThat(strategy.told)
                .extracting(o -> o.objective().getAsDouble())
                .containsExactly(-10.0, -20.0, -30.0, -40.0, -50.0);
        assertThat(result.best()).map(TrialRecord::number).contains(1);
    }

    @Test
    void theMedianRulePrunesTrialsWhoseErrorIsAboveTheMedianAndKeepsThoseBelow() throws Exception {
        ExperimentResult result = run(new Recording(), 9);

        Map<Integer, TrialState> states = new java.util.TreeMap<>();
        result.trials().forEach(t -> states.put(t.number(), t.state()));
        // Trials 1 to 3 finish before the rule acts; 4, 5, 7 and 9 report first errors above the
        // median of the finished trials' first errors, 6 and 8 below it.
        assertThat(states.get(4)).isEqualTo(TrialState.PRUNED);
        assertThat(states.get(5)).isEqualTo(TrialState.PRUNED);
        assertThat(states.get(6)).isEqualTo(TrialState.DONE);
        assertThat(states.get(7)).isEqualTo(TrialState.PRUNED);
        assertThat(states.get(8)).isEqualTo(TrialState.DONE);
        assertThat(states.get(9)).isEqualTo(TrialState.PRUNED);
        assertThat(result.best())
                .map(TrialRecord::number)
                .contains(6); // error 1, the earliest of the best
    }

    @Test
    void theJournalKeepsTheErrorsAsReported() throws Exception {
        run(new Recording(), 3);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            assertThat(store.reports())
                    .filteredOn(v -> v.trial() == 2)
                    .extracting(IntermediateValue::value)
                    .containsExactly(60.0, 40.0, 20.0);
        }
    }

    @Test
    void aResumedExperimentPrunesAsAnUninterruptedOneDoes() throws Exception {
        run(new Recording(), 5);
        Recording strategy = new Recording();
        ExperimentResult resumed;
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder);
                LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            resumed =
                    Experiment.builder()
                            .setStrategy(strategy)
                            .setEvaluator(new FallingError())
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(9)
                            .setSeed(1)
                            .setPruner(new MedianStoppingRule(3, 0))
                            .build()
                            .run();
        }
        assertThat(resumed.trials())
                .filteredOn(t -> t.number() == 7)
                .extracting(TrialRecord::state)
                .containsExactly(TrialState.PRUNED);
        assertThat(
                        resumed.trials().stream()
                                .filter(t -> t.state() == TrialState.DONE)
                                .min(
                                        Comparator.comparingDouble(
                                                (TrialRecord t) -> t.metric("rmse").getAsDouble()))
                                .map(TrialRecord::number))
                .contains(6);
    }
}
