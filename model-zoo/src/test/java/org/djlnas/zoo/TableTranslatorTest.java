package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table model loads with an ordinary {@code Criteria} and predicts from a row: the translator
 * applies the recorded preprocessing, so its answer equals the network's on features encoded by
 * hand.
 */
class TableTranslatorTest {

    private static final String COLUMNS =
            "\"impute\": true, \"columns\": ["
                    + "{\"name\": \"age\", \"kind\": \"numeric\", \"mean\": 40.0, \"std\": 10.0},"
                    + "{\"name\": \"colour\", \"kind\": \"categorical\","
                    + " \"categories\": [\"blue\", \"red\", \"(missing)\"]}]";

    @TempDir Path dir;

    private static Block linear(int classes) {
        return SpaceLookup.create("linear", Map.of("features", "4", "classes", "" + classes))
                .compile(Architecture.of(Map.of()));
    }

    /** Saves a randomly initialised linear network and the data file beside it. */
    private Path save(String name, int classes, String preprocessing) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        try (Model model = Model.newInstance(name, TestNetworks.ENGINE)) {
            Block block = linear(classes);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
            model.save(folder, name);
        }
        Files.writeString(
                folder.resolve(TableTranslatorFactory.DATA_FILE),
                "{\"task\": {}, \"input\": {}, \"preprocessing\": {" + preprocessing + "}}");
        return folder;
    }

    private static <O> ZooModel<Map, O> load(Path folder, int classes, Class<O> output)
            throws Exception {
        return Criteria.builder()
                .setTypes(Map.class, output)
                .optModelPath(folder)
                .optModelName(folder.getFileName().toString())
                .optBlock(linear(classes))
                .optEngine(TestNetworks.ENGINE)
                .optTranslatorFactory(new TableTranslatorFactory())
                .build()
                .loadModel();
    }

    /** The network's raw outputs on features given directly. */
    private static float[] raw(Path folder, int classes, float[] features) throws Exception {
        try (ZooModel<NDList, NDList> model =
                        Criteria.builder()
                                .setTypes(NDList.class, NDList.class)
                                .optModelPath(folder)
                                .optModelName(folder.getFileName().toString())
                                .optBlock(linear(classes))
                                .optEngine(TestNetworks.ENGINE)
                                .build()
                                .loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager(TestNetworks.ENGINE)) {
            return predictor
                    .predict(new NDList(manager.create(features, new Shape(1, 4))))
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    @Test
    void classifiesARowWithTheRecordedEncoding() throws Exception {
        Path folder =
                save(
                        "cancer",
                        2,
                        "\"target\": \"y\", \"task\": \"classification\", \"classes\": [\"no\","
                                + " \"yes\"], "
                                + COLUMNS);
        // age 55 → (55 − 40) / 10 = 1.5; colour red → 0, 1, 0
        float[] logits = raw(folder, 2, new float[] {1.5f, 0, 1, 0});
        double yes = 1 / (1 + Math.exp(logits[0] - logits[1]));
        try (ZooModel<Map, Classifications> model = load(folder, 2, Classifications.class);
                Predictor<Map, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(Map.of("age", 55, "colour", "red"));
            assertThat(result.getClassNames()).containsExactly("no", "yes");
            assertThat(result.get("yes").getProbability()).isCloseTo(yes, within(1e-5));
            Map<String, Object> missing = new HashMap<>();
            missing.put("age", "NA");
            missing.put("colour", null);
            float[] imputed = raw(folder, 2, new float[] {0, 0, 0, 1});
            assertThat(predictor.predict(missing).get("yes").getProbability())
                    .isCloseTo(1 / (1 + Math.exp(imputed[0] - imputed[1])), within(1e-5));
            assertThatThrownBy(() -> predictor.predict(Map.of("age", "old", "colour", "red")))
                    .isInstanceOf(TranslateException.class)
                    .hasMessageContaining("column 'age' holds 'old'; expected a number");
        }
    }

    @Test
    void predictsARegressionInTheTargetsUnits() throws Exception {
        Path folder =
                save(
                        "houses",
                        1,
                        "\"target\": \"price\", \"task\": \"regression\", \"targetMean\": 100.0,"
                                + " \"targetStd\": 20.0, "
                                + COLUMNS);
        float standardised = raw(folder, 1, new float[] {-1, 1, 0, 0})[0];
        try (ZooModel<Map, Double> model = load(folder, 1, Double.class);
                Predictor<Map, Double> predictor = model.newPredictor()) {
            assertThat(predictor.predict(Map.of("age", "30", "colour", "blue")))
                    .isCloseTo(standardised * 20.0 + 100.0, within(1e-4));
            assertThat(predictor.batchPredict(List.of(Map.of("age", 30.0, "colour", " blue "))))
                    .singleElement()
                    .satisfies(
                            v ->
                                    assertThat(v)
                                            .isCloseTo(standardised * 20.0 + 100.0, within(1e-4)));
        }
        assertThatThrownBy(() -> load(folder, 1, Classifications.class))
                .hasMessageContaining(
                        "the model is a regression of 'price'; expected the output"
                                + " type Double");
    }
}
