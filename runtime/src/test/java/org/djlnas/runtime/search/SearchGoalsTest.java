package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objectives and constraints are refused, with one line naming the field, before any writing. */
class SearchGoalsTest {

    private static final Plugins PLUGINS = Plugins.discover();

    @TempDir Path folder;

    private static ExperimentConfig.Builder tabular(String strategy) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy(strategy)
                .optBenchmark("nas-bench-201-cifar10")
                .optTrials(3);
    }

    private void refused(ExperimentConfig config, String message) {
        Path out = folder.resolve("experiment");
        assertThatThrownBy(() -> SearchSession.create(out, config, PLUGINS).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThat(out).doesNotExist();
    }

    @Test
    void anObjectiveOnAMetricTheEvaluatorDoesNotReport() {
        refused(
                tabular("random").optObjectives(List.of("latency-ms:min")).build(),
                "`objectives`: evaluator 'benchmark' does not report 'latencyMs'; expected one of"
                        + " score");
    }

    @Test
    void aConstraintOnAMetricTheEvaluatorDoesNotReport() {
        refused(
                tabular("random").optConstraints(List.of("params<=200000")).build(),
                "`constraints`: evaluator 'benchmark' does not report 'parameters'; expected one"
                        + " of score");
    }

    @Test
    void contradictoryConstraints() {
        refused(
                tabular("random").optConstraints(List.of("params<=100", "params>=200")).build(),
                "`constraints` parameters<=100 and parameters>=200 contradict each other;"
                        + " expected bounds some value keeps");
    }

    @Test
    void aMetricTwice() {
        refused(
                tabular("random").optObjectives(List.of("score:max", "score:min")).build(),
                "`objectives` name 'score' twice; expected each metric once");
    }

    @Test
    void severalObjectivesForAStrategyThatOptimisesOne() {
        refused(
                tabular("regularized-evolution")
                        .optObjectives(List.of("score:max", "params:min"))
                        .build(),
                "`objectives` has 2 objectives; strategy 'regularized-evolution' optimises one,"
                        + " expected one objective (strategies for several: grid, random)");
    }

    @Test
    void aPrunerWhenTheFirstObjectiveIsNotTheEvaluators() {
        refused(
                tabular("random").optObjectives(List.of("score:min")).optPruner("median").build(),
                "`pruner` is median, which compares the evaluator's score:max after each epoch,"
                        + " but the first of `objectives` is score:min; expected no pruner, or"
                        + " score:max first");
    }

    @Test
    void objectivesForAOneShotStrategy() {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("darts")
                        .optDataset("fashion-mnist")
                        .optConstraints(List.of("params<=100"))
                        .build();
        assertThatThrownBy(() -> SearchSetup.check(config, PLUGINS))
                .hasMessage(
                        "`constraints` is parameters<=100; strategy 'darts' trains one supernet on"
                                + " its task's objective, expected none");
    }
}
