package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.Evaluator;
import org.djlnas.api.eval.Objective;
import org.djlnas.api.eval.TrialInfeasibleException;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment with several objectives tells strategies every score and journals infeasibles. */
class SeveralObjectivesTest {

    @TempDir Path folder;

    /**
     * Reports an accuracy that grows with the trial number and a size that shrinks with it; trial 3
     * breaks a constraint and trial 4 reports no size.
     */
    static final class AccuracyAndSize implements Evaluator {
        @Override
        public String objective() {
            return "accuracy";
        }

        @Override
        public Map<String, Double> evaluate(TrialSpec trial) throws TrialInfeasibleException {
            int n = trial.number();
            if (n == 3) {
                throw new TrialInfeasibleException(
                        "parameters 900 > 500", Map.of("parameters", 900.0));
            }
            if (n == 4) {
                return Map.of("accuracy", 0.4);
            }
            return Map.of("accuracy", 0.1 * n, "parameters", 100.0 * (6 - n));
        }
    }

    @Test
    void strategiesAreToldEveryObjectivesScoreAndInfeasibleTrialsAreJournaledAsSuch()
            throws Exception {
        MinimizedObjectiveTest.Recording strategy = new MinimizedObjectiveTest.Recording();
        ExperimentResult result;
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder);
                LocalTrialExecutor executor = new LocalTrialExecutor(1)) {
            result =
                    Experiment.builder()
                            .setStrategy(strategy)
                            .setEvaluator(new AccuracyAndSize())
                            .setObjectives(
                                    List.of(
                                            Objective.parse("accuracy:max"),
                                            Objective.parse("params:min")))
                            .setExecutor(executor)
                            .setStore(store)
                            .setMaxTrials(5)
                            .setSeed(1)
                            .build()
                            .run();
        }
        assertThat(strategy.told)
                .extracting(TrialOutcome::state)
                .containsExactly(
                        TrialState.DONE,
                        TrialState.DONE,
                        TrialState.INFEASIBLE,
                        TrialState.FAILED,
                        TrialState.DONE);
        assertThat(strategy.told.get(0).scores()).containsExactly(0.1, -500.0);
        assertThat(strategy.told.get(2).scores()).isEmpty();
        assertThat(strategy.told.get(2).objective()).isEmpty();
        assertThat(result.best()).map(TrialRecord::number).contains(5);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            TrialRecord infeasible =
                    store.trials().stream().filter(t -> t.number() == 3).findFirst().orElseThrow();
            assertThat(infeasible.state()).isEqualTo(TrialState.INFEASIBLE);
            assertThat(infeasible.metrics()).containsEntry("parameters", 900.0);
            assertThat(infeasible.errorMessage()).contains("parameters 900 > 500");
            TrialRecord missing =
                    store.trials().stream().filter(t -> t.number() == 4).findFirst().orElseThrow();
            assertThat(missing.errorMessage())
                    .contains("the evaluator reported no 'parameters' metric");
        }
    }
}
