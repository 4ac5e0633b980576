package org.djlnas.runtime.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.exec.TrialResult;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;

class WorkerMessagesTest {

    private static final Architecture ARCHITECTURE =
            Architecture.of(Map.of("op", "conv", "inputs", List.of(0, 2)));

    @Test
    void trialSpecsTravelWhole() {
        TrialSpec fresh = new TrialSpec(3, ARCHITECTURE, new Budget(1.5, 640), -42L);
        TrialSpec continuing =
                new TrialSpec(9, ARCHITECTURE, new Budget(9, 0), Long.MAX_VALUE, OptionalInt.of(4));

        for (TrialSpec spec : List.of(fresh, continuing)) {
            assertThat(WorkerMessages.trial(WorkerMessages.parse(WorkerMessages.trial(spec))))
                    .isEqualTo(spec);
        }
    }

    @Test
    void resultsTravelWholeWithExactMetrics() {
        Instant start = Instant.parse("2026-12-06T14:00:00.123456789Z");
        TrialResult done =
                new TrialResult(
                        TrialState.DONE,
                        Map.of("accuracy", 0.1 + 0.2, "parameters", 20050.0),
                        null,
                        start,
                        start.plusSeconds(3));
        TrialResult pruned =
                new TrialResult(
                        TrialState.PRUNED,
                        Map.of("accuracy", 1e-300),
                        "stopped after step 2: \"quoted\"\nsecond line",
                        start,
                        start);

        for (TrialResult result : List.of(done, pruned)) {
            String line = WorkerMessages.result(result);
            assertThat(line).startsWith(WorkerMessages.PREFIX).doesNotContain("\n");
            assertThat(WorkerMessages.result(WorkerMessages.parse(line))).isEqualTo(result);
        }
    }

    @Test
    void linesWithoutThePrefixAreNotMessages() {
        assertThat(WorkerMessages.parse("[W NNPACK.cpp:64] Could not initialize NNPACK")).isNull();
        assertThatThrownBy(() -> WorkerMessages.parse(WorkerMessages.PREFIX + "{\"no\":1}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no type");
    }
}
