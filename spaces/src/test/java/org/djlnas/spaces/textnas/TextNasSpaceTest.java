package org.djlnas.spaces.textnas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.Discretizer;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class TextNasSpaceTest {

    private static final int VOCABULARY = 50;
    private static final int LENGTH = 12;
    private static final Shape INPUT = new Shape(3, LENGTH);

    private static SearchSpace space(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("vocabulary-size", String.valueOf(VOCABULARY));
        settings.put("sequence-length", String.valueOf(LENGTH));
        settings.put("classes", "3");
        return SpaceFixtures.space(new TextNasProvider(), settings);
    }

    private static NDArray ids(NDManager manager) {
        return manager.randomInteger(0, VOCABULARY, INPUT, DataType.INT32)
                .toType(DataType.FLOAT32, false);
    }

    @Test
    void everyOperationKeepsTheSequenceShape() {
        try (NDManager manager = TestEngine.newManager()) {
            Shape sequence = new Shape(2, 8, LENGTH);
            for (String name : SequenceOps.ALL) {
                if (name.equals(SequenceOps.ZERO)) {
                    continue;
                }
                Block op =
                        SpaceFixtures.initialized(
                                SequenceOps.create(name, 8, true), manager, sequence);
                NDArray out =
                        op.forward(
                                        new ParameterStore(manager, false),
                                        new NDList(manager.randomNormal(sequence)),
                                        true)
                                .singletonOrThrow();
                assertThat(out.getShape()).as(name).isEqualTo(sequence);
                assertThat(op.getOutputShapes(new Shape[] {sequence})[0])
                        .as(name)
                        .isEqualTo(sequence);
            }
        }
    }

    @Test
    void sampledArchitecturesClassifyAndLearn() {
        SearchSpace space = space(Map.of());
        SplittableRandom random = new SplittableRandom(7);
        Set<Object> embeddings = new HashSet<>();
        try (NDManager manager = TestEngine.newManager()) {
            for (int i = 0; i < 6; i++) {
                Architecture arch = space.sample(random);
                embeddings.add(arch.get(TextNasSpace.EMBEDDING));
                Block block = SpaceFixtures.initialized(space.compile(arch), manager, INPUT);
                assertThat(block.getOutputShapes(new Shape[] {INPUT})[0])
                        .isEqualTo(new Shape(3, 3));
                NDArray labels = manager.create(new float[] {0, 1, 2});
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDList out =
                            block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(ids(manager)),
                                    true);
                    assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(3, 3));
                    collector.backward(
                            new SoftmaxCrossEntropyLoss().evaluate(new NDList(labels), out));
                }
                NDArray table = block.getParameters().get(0).getValue().getArray();
                assertThat(table.getShape().get(0)).isEqualTo(VOCABULARY);
                assertThat(table.getGradient().abs().sum().getFloat())
                        .as(arch.toJson())
                        .isPositive();
            }
        }
        assertThat(embeddings).as("the embedding size is searched").hasSizeGreaterThan(1);
    }

    @Test
    void theEmbeddingLeavesIdsThatAreAlreadyLongIntegersOpenForTheNextPass() {
        try (NDManager manager = TestEngine.newManager()) {
            TokenEmbedding embedding = new TokenEmbedding(VOCABULARY, 4);
            embedding.initialize(manager, DataType.FLOAT32, INPUT);
            NDArray ids = ids(manager).toType(DataType.INT64, false);
            ParameterStore store = new ParameterStore(manager, false);

            NDArray first = embedding.forward(store, new NDList(ids), false).singletonOrThrow();
            NDArray second = embedding.forward(store, new NDList(ids), false).singletonOrThrow();

            assertThat(first.getShape()).isEqualTo(new Shape(3, 4, LENGTH));
            assertThat(second.toFloatArray()).isEqualTo(first.toFloatArray());
        }
    }

    @Test
    void aFixedEmbeddingSizeIsNotAChoice() {
        SearchSpace space = space(Map.of("embedding-size", "16"));
        Architecture arch = space.sample(new SplittableRandom(1));
        assertThat(arch.has(TextNasSpace.EMBEDDING)).isFalse();
        assertThat(space.choices().choicesByLabel().keySet())
                .allMatch(label -> label.startsWith("cell/"));
    }

    @Test
    void dartsSearchesTheCellWhenTheEmbeddingSizeIsSet() {
        OneShotSpace space = (OneShotSpace) space(Map.of("embedding-size", "8", "nodes", "2"));
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights alphas =
                    ArchitectureWeights.create(manager, space.searchCells(), 3, 1e-3);
            Block supernet = SpaceFixtures.initialized(space.superNet(alphas), manager, INPUT);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDList out =
                        supernet.forward(
                                new ParameterStore(manager, false), new NDList(ids(manager)), true);
                assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(3, 3));
                collector.backward(
                        new SoftmaxCrossEntropyLoss()
                                .evaluate(new NDList(manager.create(new float[] {0, 1, 2})), out));
            }
            for (String label : alphas.labels()) {
                float[] gradient = alphas.alpha(label).getGradient().toFloatArray();
                assertThat(Arrays.toString(gradient))
                        .as(label)
                        .isNotEqualTo(Arrays.toString(new float[gradient.length]));
            }
            Architecture derived =
                    space.validate(Discretizer.derive(space.searchCells(), alphas.probabilities()));
            Block block = SpaceFixtures.initialized(space.compile(derived), manager, INPUT);
            assertThat(
                            block.forward(
                                            new ParameterStore(manager, false),
                                            new NDList(ids(manager)),
                                            false)
                                    .singletonOrThrow()
                                    .getShape())
                    .isEqualTo(new Shape(3, 3));
        }
    }

    @Test
    void aSearchedEmbeddingSizeCannotBeMixed() {
        OneShotSpace space = (OneShotSpace) space(Map.of());
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights alphas =
                    ArchitectureWeights.create(manager, space.searchCells(), 3, 1e-3);
            assertThatThrownBy(() -> space.superNet(alphas))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "space 'textnas': a one-shot search cannot mix embedding sizes; set"
                                    + " embedding-size (for example 64)");
        }
    }
}
