package org.djlnas.spaces.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.Stream;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StandardOperationsTest {

    private static final OpRegistry OPS = OpRegistry.of(List.of(new StandardOperations()));
    private static final int CHANNELS = 6;

    static Stream<Arguments> operationsStridesAndSizes() {
        return OPS.names().stream()
                .flatMap(
                        op ->
                                Stream.of(
                                        Arguments.of(op, 1, 8),
                                        Arguments.of(op, 2, 8),
                                        Arguments.of(op, 1, 7),
                                        Arguments.of(op, 2, 7)));
    }

    @ParameterizedTest(name = "{0} stride {1} size {2}")
    @MethodSource("operationsStridesAndSizes")
    void declaredOutputShapeMatchesTheComputedOneAndGradientsFlow(String op, int stride, int size) {
        Shape input = new Shape(2, CHANNELS, size, size);
        long expectedSize = (size + stride - 1) / stride;
        try (NDManager manager = TestEngine.newManager()) {
            Block block = OPS.create(op, new OpContext(CHANNELS, stride, true));
            SpaceFixtures.initialized(block, manager, input);
            Shape declared = block.getOutputShapes(new Shape[] {input})[0];
            assertThat(declared).isEqualTo(new Shape(2, CHANNELS, expectedSize, expectedSize));

            NDArray x = manager.randomNormal(input);
            if (op.equals("none")) {
                NDArray zeros =
                        block.forward(new ParameterStore(manager, false), new NDList(x), true)
                                .singletonOrThrow();
                assertThat(zeros.getShape()).isEqualTo(declared);
                assertThat(zeros.abs().sum().getFloat()).isZero();
                return;
            }
            x.setRequiresGradient(true);
            NDArray out;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                out =
                        block.forward(new ParameterStore(manager, false), new NDList(x), true)
                                .singletonOrThrow();
                collector.backward(out.mul(out).sum());
            }
            assertThat(out.getShape()).isEqualTo(declared);
            assertThat(x.getGradient().abs().sum().getFloat())
                    .as("gradient reaches the input")
                    .isGreaterThan(0f);
            for (Parameter parameter : block.getParameters().values()) {
                if (parameter.requiresGradient()) {
                    assertThat(parameter.getArray().getGradient().abs().sum().getFloat())
                            .as("gradient of %s", parameter.getName())
                            .isGreaterThan(0f);
                }
            }
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void averagePoolingLeavesThePaddingOutOfTheMean(int stride) {
        Shape input = new Shape(1, 2, 5, 5);
        try (NDManager manager = TestEngine.newManager()) {
            Block block = OPS.create("avg_pool_3x3", new OpContext(2, stride, true));
            SpaceFixtures.initialized(block, manager, input);
            NDArray ones = manager.ones(input);
            NDArray pooled =
                    block.forward(new ParameterStore(manager, false), new NDList(ones), false)
                            .singletonOrThrow();
            assertThat(pooled.sub(1).abs().max().getFloat())
                    .as("the mean of a constant image is that constant, corners included")
                    .isLessThan(1e-6f);
            NDArray ramp = manager.arange(25f).reshape(1, 1, 5, 5).repeat(1, 2);
            NDArray corner =
                    block.forward(new ParameterStore(manager, false), new NDList(ramp), false)
                            .singletonOrThrow();
            assertThat(corner.getFloat(0, 0, 0, 0))
                    .as("top-left window holds pixels 0, 1, 5, 6")
                    .isEqualTo(3f);
        }
    }
}
