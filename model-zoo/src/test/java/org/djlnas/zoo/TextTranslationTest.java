package org.djlnas.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.TranslateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.encoding.TextEncoding;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.textnas.TextNasProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published text model classifies a String: loaded with an ordinary {@code Criteria}, its
 * translator encodes the text from data.json exactly as the text data source did, and the model's
 * probabilities are the softmax of the network's logits on the text's token ids.
 */
class TextTranslationTest {

    private static final List<String> CLASSES = List.of("ham", "spam");

    @TempDir Path folder;

    private static Map<String, String> settings(TextEncoding encoding) {
        return Map.of(
                "vocabulary-size", String.valueOf(encoding.vocabularySize()),
                "sequence-length", String.valueOf(encoding.length()),
                "classes", "2");
    }

    private static SearchSpace space(TextEncoding encoding) {
        TextNasProvider provider = new TextNasProvider();
        return provider.create(
                Settings.resolve("space 'textnas'", provider.settings(), settings(encoding)),
                OpRegistry.discover());
    }

    @Test
    void aStringIsClassifiedAsItsTokenIds() throws Exception {
        TextEncoding encoding =
                TextEncoding.fit(
                        List.of("cheap pills, buy now", "meeting at noon", "buy cheap"),
                        100,
                        1,
                        8,
                        true);
        SearchSpace space = space(encoding);
        Architecture arch = space.sample(new SplittableRandom(4));
        Path modelDir = folder.resolve("model");
        Files.createDirectories(modelDir);
        float[] expected;
        try (Model model = Model.newInstance("text", TestNetworks.ENGINE)) {
            Block block = space.compile(arch);
            model.setBlock(block);
            NDManager manager = model.getNDManager();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, encoding.length()));
            NDArray ids =
                    manager.create(encoding.encodeAsFloats("Buy CHEAP pills!"))
                            .reshape(1, encoding.length());
            expected =
                    block.forward(new ParameterStore(manager, false), new NDList(ids), false)
                            .singletonOrThrow()
                            .softmax(1)
                            .toFloatArray();
            model.save(modelDir, "text");
        }
        Path zoo = folder.resolve("zoo");
        new ZooPublisher(zoo)
                .publish(
                        ModelPublication.builder()
                                .setName("spam")
                                .setVersion("1")
                                .setArchitecture(arch)
                                .setWeights(modelDir)
                                .setInputShape(new Shape(encoding.length()))
                                .optData(
                                        new DataDescription(
                                                new Task.Classification(CLASSES),
                                                new DataInput.Tokens(
                                                        encoding.vocabularySize(),
                                                        encoding.length()),
                                                encoding.preprocessing()))
                                .setProvenance(
                                        TestNetworks.provenance("textnas", settings(encoding)))
                                .build(),
                        false);

        Criteria<String, Classifications> criteria =
                Criteria.builder()
                        .setTypes(String.class, Classifications.class)
                        .optModelZoo(NasModelZoo.of(zoo))
                        .optArtifactId("spam")
                        .optEngine(TestNetworks.ENGINE)
                        .build();
        try (ZooModel<String, Classifications> model = criteria.loadModel();
                Predictor<String, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict("Buy CHEAP pills!");
            assertThat(result.getClassNames()).containsExactlyElementsOf(CLASSES);
            assertThat(result.getProbabilities().get(0)).isCloseTo(expected[0], within(1e-5));
            assertThat(result.getProbabilities().get(1)).isCloseTo(expected[1], within(1e-5));
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    @Test
    void aModelWithoutItsVocabularyIsNamed() throws Exception {
        Path modelDir = folder.resolve("bad");
        Files.createDirectories(modelDir);
        Files.writeString(
                modelDir.resolve(DataDescription.FILE),
                "{\"task\": {\"kind\": \"classification\", \"classNames\": [\"a\", \"b\"]},"
                        + " \"input\": {\"kind\": \"tokens\", \"vocabularySize\": 10, \"length\":"
                        + " 4}}");
        SearchSpace space = space(TextEncoding.fit(List.of("a b"), 10, 1, 4, true));
        try (Model model = Model.newInstance("bad", TestNetworks.ENGINE)) {
            model.setBlock(space.compile(space.sample(new SplittableRandom(1))));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4));
            model.save(modelDir, "bad");
        }
        try (Model model = Model.newInstance("bad", TestNetworks.ENGINE)) {
            model.setBlock(space.compile(space.sample(new SplittableRandom(1))));
            model.load(modelDir, "bad");
            assertThatThrownBy(
                            () ->
                                    new TextTranslatorFactory()
                                            .newInstance(
                                                    String.class,
                                                    Classifications.class,
                                                    model,
                                                    Map.of()))
                    .isInstanceOf(TranslateException.class)
                    .hasMessage(
                            modelDir.resolve(DataDescription.FILE)
                                    + ": preprocessing 'tokenizer' is null; expected"
                                    + " 'djl-simple+punctuation'");
        }
    }
}
