package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineComparisonTest {

    private static final Plugins PLUGINS = Plugins.of(PluginCatalog.discover());

    @TempDir Path folder;

    @Test
    void aBaselineMustBeOneFixedNetwork() {
        assertThatThrownBy(() -> BaselineComparison.check("nas-bench-201", PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "`baseline` is nas-bench-201, a space with choices; expected a space of"
                                + " one fixed network, such as small-cnn or linear");
        assertThatThrownBy(() -> BaselineComparison.check("no-such-space", PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`baseline`: ")
                .hasMessageContaining("no-such-space");
    }

    @Test
    @Tag("integration")
    void theFoundNetworkAndTheBaselineTrainTheSameWayAndAreBothTested() throws Exception {
        DataRequirements.requireFashionMnist(FashionMnist.resolveDirectory(Optional.empty()));
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .optSpaceSettings(Map.of("channels", "8", "cells", "1"))
                        .setStrategy("random")
                        .optDataset("fashion-mnist")
                        .optEngine(TestEngine.name())
                        .optSeed(4)
                        .optTrials(1)
                        .optEpochs(1)
                        .optMaxTrainExamples(200)
                        .build();
        Path experiment = folder.resolve("experiment");
        try (SearchSession session = SearchSession.create(experiment, config, PLUGINS)) {
            assertThat(session.run(List.of()).best()).isPresent();
        }

        BaselineComparison.Result result =
                BaselineComparison.run(
                        experiment, new Budget(2, 1000), Optional.of("small-cnn"), PLUGINS);

        Retraining.Report found = result.found();
        Retraining.Report baseline = result.baseline().orElseThrow();
        assertThat(found.request().space()).isEqualTo("nas-bench-201");
        assertThat(baseline.request().space()).isEqualTo("small-cnn");
        for (Retraining.Report report : List.of(found, baseline)) {
            assertThat(report.request().seed()).isEqualTo(4);
            assertThat(report.request().budget()).isEqualTo(new Budget(2, 1000));
            assertThat(report.request().dataset()).isEqualTo("fashion-mnist");
            // Ten classes: chance is 0.1; two epochs over 1,000 images teach well beyond it.
            assertThat(report.testMetrics().get(Metrics.TEST_ACCURACY)).isGreaterThan(0.3);
        }
        assertThat(found.folder()).isEqualTo(Retraining.folderOf(experiment));
        assertThat(baseline.folder()).isEqualTo(experiment.resolve("baseline"));
        assertThat(Retraining.isRetrained(found.folder())).isTrue();
        assertThat(Retraining.isRetrained(baseline.folder())).isTrue();
    }
}
