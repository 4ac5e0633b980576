package org.djlnas.runtime.data.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchReport;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every multi-trial strategy searches the {@code mlp} space (its {@code Repeat} of layers makes
 * choices conditional on the depth) on a real table: every trial ends, none fails, and the best
 * classifies iris well above chance.
 */
@Tag("integration")
class MlpStrategiesTest {

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"random", "regularized-evolution", "reinforce", "hyperband", "bohb"})
    void searchesIris(String strategy) throws Exception {
        SklearnTables.require();
        Path file = SklearnTables.write(Table.IRIS, dir);
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("mlp")
                        .setStrategy(strategy)
                        .optDataset("csv:" + file)
                        .optDataOptions(Map.of("target", "class"))
                        .optEngine(TestEngine.name())
                        .optSeed(2)
                        .optTrials(6)
                        .optEpochs(8)
                        .build();
        SearchReport report;
        try (SearchSession session =
                SearchSession.create(dir.resolve("experiment"), config, Plugins.discover())) {
            report = session.run(List.of());
        }
        List<TrialRecord> trials = report.result().trials();
        assertThat(trials).isNotEmpty();
        assertThat(trials)
                .allSatisfy(t -> assertThat(t.state()).isIn(TrialState.DONE, TrialState.PRUNED));
        TrialRecord best = report.result().best().orElseThrow();
        assertThat(best.metrics().get(Metrics.ACCURACY)).isGreaterThan(0.6);
    }
}
