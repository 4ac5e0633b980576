package org.djlnas.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.eval.Direction;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;

class BestTrialTest {

    private static TrialRecord trial(int number, TrialState state, Map<String, Double> metrics) {
        TrialSpec spec = new TrialSpec(number, Architecture.of(Map.of()), Budget.ofEpochs(1), 0);
        return new TrialRecord(spec, state, metrics, null, null, null);
    }

    @Test
    void equalAccuraciesAreRankedByTheLowerLossThenTheEarlierTrial() {
        List<TrialRecord> trials =
                List.of(
                        trial(1, TrialState.DONE, Map.of("accuracy", 0.97, "loss", 0.10)),
                        trial(2, TrialState.DONE, Map.of("accuracy", 0.97, "loss", 0.06)),
                        trial(3, TrialState.DONE, Map.of("accuracy", 0.97, "loss", 0.06)),
                        trial(4, TrialState.DONE, Map.of("accuracy", 0.95, "loss", 0.01)),
                        trial(5, TrialState.PRUNED, Map.of("accuracy", 0.99, "loss", 0.01)));
        assertThat(BestTrial.of(trials, "accuracy", Direction.MAXIMIZE))
                .map(TrialRecord::number)
                .contains(2);
    }

    @Test
    void aMinimisedObjectiveWinsWhenSmallerAndATrialWithoutLossLosesTheTie() {
        List<TrialRecord> trials =
                List.of(
                        trial(1, TrialState.DONE, Map.of("rmse", 50.0)),
                        trial(2, TrialState.DONE, Map.of("rmse", 40.0)),
                        trial(3, TrialState.DONE, Map.of("rmse", 40.0, "loss", 0.5)));
        assertThat(BestTrial.of(trials, "rmse", Direction.MINIMIZE))
                .map(TrialRecord::number)
                .contains(3);
        assertThat(BestTrial.of(List.of(), "rmse", Direction.MINIMIZE)).isEmpty();
    }
}
