package org.djlnas.spaces.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.spaces.ops.PointwiseActivation;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class MlpSpaceTest {

    private final SearchSpace mlp =
            SpaceFixtures.space(new MlpProvider(), Map.of("features", "12", "classes", "3"));
    private final SearchSpace linear =
            SpaceFixtures.space(new LinearProvider(), Map.of("features", "12", "classes", "3"));

    @Test
    void countsEveryDepthsChoices() {
        BigInteger perLayer = BigInteger.valueOf(5 * 4 * 3 * 2);
        BigInteger expected =
                perLayer.add(perLayer.pow(2)).add(perLayer.pow(3)).add(perLayer.pow(4));
        assertThat(mlp.size().count()).isEqualTo(expected).isEqualTo(209_102_520L);
    }

    @Test
    void compilesTheChosenLayers() {
        Architecture two =
                Architecture.of(
                        Map.of(
                                "layers",
                                2,
                                "layers/0/width",
                                64,
                                "layers/0/activation",
                                "gelu",
                                "layers/0/dropout",
                                0.3,
                                "layers/0/batch-norm",
                                true,
                                "layers/1/width",
                                16,
                                "layers/1/activation",
                                "tanh",
                                "layers/1/dropout",
                                0.0,
                                "layers/1/batch-norm",
                                false));
        try (NDManager manager = TestEngine.newManager()) {
            Block block = SpaceFixtures.initialized(mlp.compile(two), manager, new Shape(5, 12));
            assertThat(ParameterCount.trainable(block))
                    .as("(12+1)·64 + 2·64 (batch-norm) + (64+1)·16 + (16+1)·3")
                    .isEqualTo(13 * 64 + 2 * 64 + 65 * 16 + 17 * 3);
            List<Block> layers = block.getChildren().values();
            assertThat(layers.stream().map(b -> b.getClass().getSimpleName()))
                    .containsExactly(
                            "ExpectFeatures",
                            "Linear",
                            "BatchNorm",
                            "PointwiseActivation",
                            "PortableDropout",
                            "Linear",
                            "PointwiseActivation",
                            "Linear");
            assertThat(((PointwiseActivation) layers.get(3)).kind())
                    .isEqualTo(PointwiseActivation.Kind.GELU);
            assertThat(((PointwiseActivation) layers.get(6)).kind())
                    .isEqualTo(PointwiseActivation.Kind.TANH);
            NDList output =
                    block.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomNormal(new Shape(5, 12))),
                            true);
            assertThat(output.singletonOrThrow().getShape()).isEqualTo(new Shape(5, 3));
        }
    }

    @Test
    void everySampleCompilesAndRefusesOtherInputs() {
        SplittableRandom random = new SplittableRandom(3);
        try (NDManager manager = TestEngine.newManager()) {
            for (int i = 0; i < 10; i++) {
                Block block =
                        SpaceFixtures.initialized(
                                mlp.compile(mlp.sample(random)), manager, new Shape(2, 12));
                assertThat(block.getOutputShapes(new Shape[] {new Shape(2, 12)})[0])
                        .isEqualTo(new Shape(2, 3));
            }
            Block block = mlp.compile(mlp.sample(random));
            assertThatThrownBy(
                            () ->
                                    block.initialize(
                                            manager,
                                            ai.djl.ndarray.types.DataType.FLOAT32,
                                            new Shape(2, 11)))
                    .hasMessageContaining(
                            "expected (N, 12) as set by the space's features setting");
        }
    }

    @Test
    void refusesAWidthOutsideTheChoices() {
        assertThatThrownBy(
                        () ->
                                mlp.compile(
                                        Architecture.of(
                                                Map.of(
                                                        "layers",
                                                        1,
                                                        "layers/0/width",
                                                        100,
                                                        "layers/0/activation",
                                                        "relu",
                                                        "layers/0/dropout",
                                                        0.0,
                                                        "layers/0/batch-norm",
                                                        false))))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("layers/0/width");
    }

    @Test
    void linearBaselineIsOneLayer() {
        assertThat(linear.size().count()).isEqualTo(BigInteger.ONE);
        try (NDManager manager = TestEngine.newManager()) {
            Block block =
                    SpaceFixtures.initialized(
                            linear.compile(Architecture.of(Map.of())), manager, new Shape(4, 12));
            assertThat(ParameterCount.trainable(block))
                    .as("(12 + 1) weights for each class but the reference class")
                    .isEqualTo(13 * 2);
            NDArray logits =
                    block.forward(
                                    new ParameterStore(manager, false),
                                    new NDList(manager.randomNormal(new Shape(4, 12))),
                                    false)
                            .singletonOrThrow();
            assertThat(logits.getShape()).isEqualTo(new Shape(4, 3));
            assertThat(logits.get(":, 2").toFloatArray()).containsOnly(0f);
            assertThat(logits.get(":, 0").toFloatArray()).doesNotContain(0f);
        }
        SearchSpace regression =
                SpaceFixtures.space(new LinearProvider(), Map.of("features", "12", "classes", "1"));
        try (NDManager manager = TestEngine.newManager()) {
            Block block =
                    SpaceFixtures.initialized(
                            regression.compile(Architecture.of(Map.of())),
                            manager,
                            new Shape(4, 12));
            assertThat(ParameterCount.trainable(block)).isEqualTo(13);
        }
    }
}
