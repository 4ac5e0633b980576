package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.trial.Budget;
import org.djlnas.runtime.search.Candidate;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.Retraining;
import org.djlnas.testing.SklearnTables;
import org.djlnas.testing.SklearnTables.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table network retrained on iris (csv source) and published loads with an ordinary {@code
 * Criteria} and classifies rows given as column → text: on the test rows, its answers reach exactly
 * the test accuracy the retraining measured, so the translator prepares rows as training did.
 */
@Tag("integration")
class PublishedTableModelTest {

    @TempDir Path dir;

    @Test
    void aPublishedIrisModelClassifiesRowsAsInTraining() throws Exception {
        SklearnTables.require();
        Path file = SklearnTables.write(Table.IRIS, dir);
        Plugins plugins = Plugins.discover();
        Map<String, String> options = Map.of("target", "class");
        Candidate candidate =
                Candidate.given(
                        "mlp",
                        Map.of(),
                        Architecture.of(
                                Map.of(
                                        "layers",
                                        1,
                                        "layers/0/width",
                                        16,
                                        "layers/0/activation",
                                        "tanh",
                                        "layers/0/dropout",
                                        0.0,
                                        "layers/0/batch-norm",
                                        false)),
                        Optional.of("csv:" + file),
                        options,
                        OptionalLong.of(3));
        Retraining.Report trained =
                Retraining.run(
                        candidate.retraining(TestNetworks.ENGINE, new Budget(30, 0)),
                        plugins,
                        dir.resolve("retrain"));
        Path zoo = dir.resolve("zoo");
        new ZooPublisher(zoo)
                .publish(
                        RetrainedPublication.of(
                                "iris", "1", trained, Optional.empty(), "test", plugins),
                        false);

        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        int[] testRows = new DataSplit(0, 0.2, 0).apply(lines.size() - 1, 0).validation();
        int correct = 0;
        try (ZooModel<Map, Classifications> model =
                        Criteria.builder()
                                .setTypes(Map.class, Classifications.class)
                                .optModelUrls(zoo.toUri().toString())
                                .optArtifactId("iris")
                                .optEngine(TestNetworks.ENGINE)
                                .build()
                                .loadModel();
                Predictor<Map, Classifications> predictor = model.newPredictor()) {
            for (int row : testRows) {
                String[] fields = lines.get(row + 1).split(",");
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    values.put(header[c], fields[c]);
                }
                Classifications result = predictor.predict(values);
                assertThat(result.getClassNames())
                        .containsExactly("setosa", "versicolor", "virginica");
                correct += result.best().getClassName().equals(values.get("class")) ? 1 : 0;
            }
        }
        double accuracy = (double) correct / testRows.length;
        assertThat(testRows).hasSize(30);
        assertThat(accuracy).isEqualTo(trained.testMetrics().get(Metrics.TEST_ACCURACY));
        assertThat(accuracy).isGreaterThan(0.8);
    }
}
