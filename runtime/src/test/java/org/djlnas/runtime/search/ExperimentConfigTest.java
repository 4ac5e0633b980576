package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder of an experiment's configuration, its messages and its defining fields. */
class ExperimentConfigTest {

    private static ExperimentConfig.Builder tabular() {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy("random")
                .optBenchmark("nas-bench-201-cifar10");
    }

    @Test
    void theBuilderGivesTheDefaultsOfASearch() {
        ExperimentConfig config = tabular().optSpaceSettings(Map.of("classes", "10")).build();

        assertThat(config)
                .isEqualTo(
                        new ExperimentConfig(
                                "nas-bench-201",
                                Map.of("classes", "10"),
                                "random",
                                Map.of(),
                                "nas-bench-201-cifar10",
                                null,
                                null,
                                0,
                                20,
                                1,
                                1,
                                0,
                                null,
                                Map.of(),
                                SearchSetup.NO_PRUNER,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        assertThat(ExperimentConfig.fromJson(config.toJson())).isEqualTo(config);
    }

    @Test
    void toBuilderKeepsEveryFieldAndWithTrialsChangesOnlyTheTrials() {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("darts")
                        .optSpaceSettings(Map.of("channels", "8"))
                        .setStrategy("regularized-evolution")
                        .optStrategySettings(Map.of("population", "4"))
                        .optDataset("some/folder")
                        .optEngine("MXNet")
                        .optSeed(9)
                        .optTrials(7)
                        .optParallel(2)
                        .optEpochs(0.5)
                        .optMaxTrainExamples(300)
                        .optEvaluator("training")
                        .optEvaluatorSettings(Map.of("batch-size", "32"))
                        .optPruner("median")
                        .optWarmStart(List.of("earlier/experiment"))
                        .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        ExperimentConfig longer = config.withTrials(12);
        assertThat(longer.trials()).isEqualTo(12);
        assertThat(longer.toBuilder().optTrials(7).build()).isEqualTo(config);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> ExperimentConfig.builder().setStrategy("random").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`space` is not set; it is required");
        assertThatThrownBy(() -> ExperimentConfig.builder().setSpace("darts").build())
                .hasMessage("`strategy` is not set; it is required");
    }

    @Test
    void aBadValueIsNamedByItsFieldNotByAFlag() {
        assertThatThrownBy(() -> tabular().optTrials(0).build())
                .hasMessage("`trials` is 0; expected at least 1");
        assertThatThrownBy(() -> tabular().optParallel(0).build())
                .hasMessage("`parallel` is 0; expected at least 1");
        assertThatThrownBy(() -> tabular().optEpochs(0).build())
                .hasMessage("`epochs` is 0.0; expected a number > 0");
        assertThatThrownBy(() -> tabular().optMaxTrainExamples(-3).build())
                .hasMessage("`maxTrainExamples` is -3; expected >= 0 (0 for all)");
        assertThatThrownBy(() -> tabular().optObjectives(List.of("accuracy:most")).build())
                .hasMessage(
                        "`objectives`: objective 'accuracy:most': the direction is 'most';"
                                + " expected max or min");
        assertThatThrownBy(() -> tabular().optConstraints(List.of("params=5")).build())
                .hasMessage(
                        "`constraints`: constraint 'params=5': expected METRIC<=LIMIT or"
                                + " METRIC>=LIMIT");
        assertThatThrownBy(() -> tabular().optDataset("fashion-mnist").build())
                .hasMessage("give `dataset` (train) or `benchmark` (look up scores), not both")
                .hasMessageNotContaining("--");
    }

    @Test
    void everyFieldButTrialsAndTheTablesPlaceDefinesTheExperiment() {
        assertThat(ExperimentConfig.definingFields())
                .containsExactly(
                        "space",
                        "spaceSettings",
                        "strategy",
                        "strategySettings",
                        "dataset",
                        "engine",
                        "seed",
                        "parallel",
                        "epochs",
                        "maxTrainExamples",
                        "evaluator",
                        "evaluatorSettings",
                        "pruner",
                        "dataOptions",
                        "objectives",
                        "constraints",
                        "prefilter",
                        "prefilterCandidates",
                        "warmStart");
    }

    @Test
    void dataOptionsAreJournaledAndNeedADataSet() {
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("mlp")
                        .setStrategy("random")
                        .optDataset("csv:/data/houses.csv")
                        .optDataOptions(Map.of("target", "price"))
                        .build();
        assertThat(ExperimentConfig.fromJson(config.toJson())).isEqualTo(config);
        assertThat(config.toJson()).contains("\"dataOptions\":{\"target\":\"price\"}");
        assertThat(
                        ExperimentConfig.fromJson(
                                        config.toJson()
                                                .replace(
                                                        "\"dataOptions\":{\"target\":\"price\"}",
                                                        "\"x\":0"))
                                .dataOptions())
                .isEmpty();
        assertThatThrownBy(() -> tabular().optDataOptions(Map.of("target", "price")).build())
                .hasMessage(
                        "`dataOptions` are given but no `dataset`; options belong to a data set");
    }
}
