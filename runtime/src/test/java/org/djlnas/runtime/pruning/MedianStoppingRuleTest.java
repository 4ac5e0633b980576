package org.djlnas.runtime.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.djlnas.api.eval.ReportHistory;
import org.djlnas.api.trial.IntermediateValue;
import org.junit.jupiter.api.Test;

class MedianStoppingRuleTest {

    private static ReportHistory finishedTrialsAtStepOne(double... values) {
        ReportHistory history = new ReportHistory();
        for (int i = 0; i < values.length; i++) {
            history.add(new IntermediateValue(i + 1, 1, values[i]));
            history.finish(i + 1);
        }
        return history;
    }

    @Test
    void stopsATrialWhoseBestIsBelowTheMedianOfFinishedTrials() {
        ReportHistory history = finishedTrialsAtStepOne(0.1, 0.2, 0.5, 0.8, 0.9);
        history.add(new IntermediateValue(6, 1, 0.4));
        history.add(new IntermediateValue(7, 1, 0.5));

        MedianStoppingRule rule = new MedianStoppingRule(5, 0);

        assertThat(rule.shouldStop(6, 1, history)).isTrue();
        assertThat(rule.shouldStop(7, 1, history)).as("equal to the median goes on").isFalse();
    }

    @Test
    void judgesByTheBestValueSoFarNotTheLatest() {
        ReportHistory history = new ReportHistory();
        for (int trial = 1; trial <= 3; trial++) {
            history.add(new IntermediateValue(trial, 1, 0.5));
            history.add(new IntermediateValue(trial, 2, 0.6));
            history.finish(trial);
        }
        history.add(new IntermediateValue(4, 1, 0.7));
        history.add(new IntermediateValue(4, 2, 0.3));

        assertThat(new MedianStoppingRule(3, 0).shouldStop(4, 2, history)).isFalse();
    }

    @Test
    void waitsForEnoughFinishedTrialsAndTheWarmUp() {
        ReportHistory history = finishedTrialsAtStepOne(0.5, 0.6, 0.7);
        history.add(new IntermediateValue(4, 1, 0.1));
        // Running trials do not count as evidence.
        history.add(new IntermediateValue(5, 1, 0.9));

        assertThat(new MedianStoppingRule(4, 0).shouldStop(4, 1, history)).isFalse();
        assertThat(new MedianStoppingRule(3, 0).shouldStop(4, 1, history)).isTrue();
        assertThat(new MedianStoppingRule(3, 1).shouldStop(4, 1, history)).isFalse();
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new MedianStoppingRule(0, 0)).hasMessageContaining("minTrials");
        assertThatThrownBy(() -> new MedianStoppingRule(1, -1)).hasMessageContaining("warmupSteps");
    }
}
