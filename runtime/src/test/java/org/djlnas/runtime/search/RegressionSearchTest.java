package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSourceProvider;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.SettingSpec;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.runtime.training.DiabetesSource;
import org.djlnas.runtime.training.TinyMlpSpace;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search, its resume and a retraining on a regression through the session and the plug-in
 * registry: the data set is opened by kind, the space's {@code features} and {@code classes} come
 * from the data, trials are scored by RMSE and retraining reports test RMSE and MAE.
 */
@Tag("integration")
class RegressionSearchTest {

    /** The diabetes table as a kind of data set, with an option to check it is passed. */
    public static final class DiabetesProvider implements DataSourceProvider {
        @Override
        public String id() {
            return "diabetes";
        }

        @Override
        public String description() {
            return "scikit-learn's diabetes regression";
        }

        @Override
        public boolean needsLocation() {
            return false;
        }

        @Override
        public List<SettingSpec> options() {
            return List.of(SettingSpec.integer("hidden", 32, 1, "unused by the table"));
        }

        @Override
        public DataSource open(Optional<String> location, Settings options) {
            try {
                return DiabetesSource.load();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /** A one-network space whose inputs and outputs the data set fills in. */
    public static final class TinyMlpProvider implements SearchSpaceProvider {
        @Override
        public String id() {
            return "tiny-mlp";
        }

        @Override
        public String description() {
            return "one hidden layer";
        }

        @Override
        public List<SettingSpec> settings() {
            return List.of(
                    SettingSpec.integer("features", 1, 1, "input features"),
                    SettingSpec.integer("classes", 10, 1, "outputs"));
        }

        @Override
        public SearchSpace create(Settings settings, OpRegistry operations) {
            return new TinyMlpSpace(settings.getInt("classes"));
        }
    }

    @TempDir Path folder;

    private static Plugins plugins() {
        PluginCatalog found = PluginCatalog.discover();
        List<SearchSpaceProvider> spaces = new ArrayList<>(found.spaces());
        spaces.add(new TinyMlpProvider());
        List<DataSourceProvider> data = new ArrayList<>(found.dataSources());
        data.add(new DiabetesProvider());
        return Plugins.of(
                new PluginCatalog(
                        spaces,
                        found.strategies(),
                        found.oneShotStrategies(),
                        found.operations(),
                        found.evaluators(),
                        found.benchmarkTables(),
                        found.pruners(),
                        data,
                        found.engines()));
    }

    @Test
    void aRegressionSearchIsScoredByRmseAndRetrainsToTestRmse() throws Exception {
        Plugins plugins = plugins();
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("tiny-mlp")
                        .setStrategy("random")
                        .optDataset("diabetes")
                        .optDataOptions(Map.of("hidden", "16"))
                        .optEngine(TestEngine.name())
                        .optTrials(1)
                        .optEpochs(20)
                        .build();
        Path experiment = folder.resolve("experiment");
        List<TrialRecord> trials;
        try (SearchSession session = SearchSession.create(experiment, config, plugins)) {
            assertThat(session.config().spaceSettings())
                    .containsEntry("features", "10")
                    .containsEntry("classes", "1");
            assertThat(session.config().dataOptions()).containsEntry("hidden", "16");
            trials = session.run(List.of()).result().trials();
        }
        assertThat(trials).hasSize(1);
        for (TrialRecord trial : trials) {
            assertThat(trial.metrics())
                    .containsKeys(Metrics.RMSE, Metrics.MAE)
                    .doesNotContainKey(Metrics.ACCURACY);
            assertThat(trial.metrics().get(Metrics.RMSE)).isBetween(20.0, 90.0);
        }

        try (SearchSession resumed =
                SearchSession.resume(
                        experiment, java.util.OptionalInt.empty(), Optional.empty(), plugins)) {
            assertThat(resumed.config().dataset()).isEqualTo("diabetes");
            assertThat(resumed.config().dataOptions()).containsEntry("hidden", "16");
            assertThat(resumed.config().spaceSettings()).containsEntry("features", "10");
        }

        Architecture architecture = trials.get(0).spec().architecture();
        Retraining.Request request =
                Candidate.given(
                                "tiny-mlp",
                                Map.of(),
                                architecture,
                                Optional.of("diabetes"),
                                Map.of(),
                                java.util.OptionalLong.of(0))
                        .retraining(TestEngine.name(), new org.djlnas.api.trial.Budget(20, 0));
        Retraining.Report report = Retraining.run(request, plugins, folder.resolve("retrain"));
        assertThat(report.objective()).isEqualTo(Metrics.RMSE);
        assertThat(report.testMetrics()).containsOnlyKeys(Metrics.TEST_RMSE, Metrics.TEST_MAE);
        assertThat(report.testObjective()).isEqualTo(report.testMetrics().get(Metrics.TEST_RMSE));
        assertThat(report.request().spaceSettings()).containsEntry("features", "10");
        Retraining.Report read = Retraining.read(report.folder());
        assertThat(read.testMetrics()).isEqualTo(report.testMetrics());
        assertThat(read.objective()).isEqualTo(Metrics.RMSE);
        assertThat(java.nio.file.Files.readString(report.folder().resolve(Retraining.RESULT_FILE)))
                .doesNotContain("ccuracy");
    }
}
