package org.djlnas.runtime.data.table;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.Task;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.runtime.search.SearchReport;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search of the {@code mlp} space on a real table runs end to end through the library (search,
 * then retraining of the best architecture) and beats the trivial predictor on the test rows: the
 * training set's majority class for breast cancer, the training mean for diabetes.
 */
@Tag("integration")
class TableSearchTest {

    @TempDir Path dir;

    @BeforeAll
    static void requireTables() {
        SklearnTables.require();
    }

    private Retraining.Report searchAndRetrain(Table table, Path file) throws Exception {
        Plugins plugins = Plugins.discover();
        Path experiment = dir.resolve("experiment");
        ExperimentConfig config =
                ExperimentConfig.builder()
                        .setSpace("mlp")
                        .setStrategy("random")
                        .optDataset("csv:" + file)
                        .optDataOptions(Map.of("target", table.target()))
                        .optEngine(TestEngine.name())
                        .optSeed(5)
                        .optTrials(3)
                        .optEpochs(15)
                        .build();
        SearchReport searched;
        try (SearchSession session = SearchSession.create(experiment, config, plugins)) {
            searched = session.run(List.of());
        }
        assertThat(searched.result().trials()).hasSize(3);
        Candidate best =
                Candidate.found(
                        experiment,
                        Optional.empty(),
                        provider -> Map.of(),
                        plugins,
                        Optional.empty(),
                        Map.of(),
                        OptionalLong.empty());
        Retraining.Request request = best.retraining(TestEngine.name(), new Budget(30, 0));
        return Retraining.run(request, plugins, Retraining.folderOf(experiment));
    }

    private static DataSource open(Path file, Table table) {
        CsvProvider provider = new CsvProvider();
        return provider.open(
                Optional.of(file.toString()),
                Settings.resolve("csv", provider.options(), Map.of("target", table.target())));
    }

    /** The labels of a data set's examples, in order. */
    private static float[] labels(RandomAccessDataset data) throws Exception {
        List<Float> labels = new ArrayList<>();
        try (NDManager manager = TestEngine.newManager()) {
            for (Batch batch : data.getData(manager)) {
                for (float label : batch.getLabels().head().toFloatArray()) {
                    labels.add(label);
                }
                batch.close();
            }
        }
        float[] array = new float[labels.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = labels.get(i);
        }
        return array;
    }

    @Test
    void breastCancerBeatsTheMajorityClass() throws Exception {
        Path file = SklearnTables.write(Table.BREAST_CANCER, dir);
        DataSource source = open(file, Table.BREAST_CANCER);
        int[] counts = new int[2];
        int[] all = new int[source.trainingSetSize()];
        java.util.Arrays.setAll(all, i -> i);
        for (float label : labels(source.trainingExamples(all, 64, 0))) {
            counts[(int) label]++;
        }
        int majority = counts[0] >= counts[1] ? 0 : 1;
        float[] test = labels(source.test(64));
        double majorityAccuracy = 0;
        for (float label : test) {
            majorityAccuracy += label == majority ? 1.0 / test.length : 0;
        }

        Retraining.Report report = searchAndRetrain(Table.BREAST_CANCER, file);

        assertThat(report.objective()).isEqualTo(Metrics.ACCURACY);
        double accuracy = report.testMetrics().get(Metrics.TEST_ACCURACY);
        System.out.printf(
                "breast cancer: test accuracy %.4f, majority class %.4f%n",
                accuracy, majorityAccuracy);
        assertThat(majorityAccuracy).isBetween(0.55, 0.75);
        assertThat(accuracy).isGreaterThan(majorityAccuracy + 0.15);
    }

    @Test
    void diabetesBeatsPredictingTheMean() throws Exception {
        Path file = SklearnTables.write(Table.DIABETES, dir);
        DataSource source = open(file, Table.DIABETES);
        Task.Regression task = (Task.Regression) source.task();
        double squares = 0;
        float[] test = labels(source.test(64));
        for (float standardised : test) {
            squares += standardised * standardised;
        }
        double meanRmse = task.scale() * Math.sqrt(squares / test.length);

        Retraining.Report report = searchAndRetrain(Table.DIABETES, file);

        assertThat(report.objective()).isEqualTo(Metrics.RMSE);
        assertThat(report.testMetrics()).doesNotContainKey(Metrics.TEST_ACCURACY);
        double rmse = report.testMetrics().get(Metrics.TEST_RMSE);
        System.out.printf("diabetes: test RMSE %.2f, predicting the mean %.2f%n", rmse, meanRmse);
        assertThat(meanRmse).isBetween(60.0, 95.0);
        assertThat(rmse).isLessThan(0.9 * meanRmse);
    }
}
