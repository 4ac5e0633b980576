package org.djlnas.spaces.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.Stream;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StridedDilationTest {

    private static final int CHANNELS = 6;
    private static final float TOLERANCE = 1e-4f;

    static Stream<Arguments> kernelsPaddingsGroupsAndSizes() {
        return Stream.of(
                Arguments.of(3, 2, CHANNELS, 8),
                Arguments.of(3, 2, CHANNELS, 7),
                Arguments.of(5, 4, CHANNELS, 14),
                Arguments.of(5, 4, CHANNELS, 7),
                Arguments.of(5, 4, 1, 9),
                Arguments.of(3, 0, 2, 10));
    }

    @ParameterizedTest(name = "kernel {0} padding {1} groups {2} size {3}")
    @MethodSource("kernelsPaddingsGroupsAndSizes")
    void givesTheDilatedConvolutionsOutputsAndGradients(
            int kernel, int padding, int groups, int size) {
        Shape input = new Shape(3, CHANNELS, size, size);
        try (NDManager manager = TestEngine.newManager()) {
            Conv2d.Builder builder =
                    Conv2d.builder()
                            .setFilters(CHANNELS)
                            .setKernelShape(new Shape(kernel, kernel))
                            .optStride(new Shape(2, 2))
                            .optPadding(new Shape(padding, padding))
                            .optDilation(new Shape(2, 2))
                            .optGroups(groups)
                            .optBias(true);
            Block dilated = SpaceFixtures.initialized(builder.build(), manager, input);
            Block subsampled =
                    SpaceFixtures.initialized(new StridedDilation.Conv2d(builder), manager, input);
            for (String name : List.of("weight", "bias")) {
                subsampled
                        .getParameters()
                        .get(name)
                        .getArray()
                        .set(new NDIndex("..."), dilated.getParameters().get(name).getArray());
            }
            NDArray x = manager.randomNormal(input);
            NDArray upstream =
                    manager.randomNormal(dilated.getOutputShapes(new Shape[] {input})[0]);
            Pass expected = pass(dilated, x, upstream, manager);
            Pass actual = pass(subsampled, x, upstream, manager);

            assertThat(actual.output.getShape()).isEqualTo(expected.output.getShape());
            assertThat(maxDifference(actual.output, expected.output)).isLessThan(TOLERANCE);
            assertThat(maxDifference(actual.inputGradient, expected.inputGradient))
                    .isLessThan(TOLERANCE);
            assertThat(maxDifference(actual.weightGradient, expected.weightGradient))
                    .isLessThan(TOLERANCE * size * size);
            assertThat(maxDifference(actual.biasGradient, expected.biasGradient))
                    .isLessThan(TOLERANCE * size * size);
            assertThat(expected.weightGradient.abs().max().getFloat())
                    .as("a gradient to compare")
                    .isGreaterThan(0.1f);
        }
    }

    @Test
    void appliesOnlyWhereEveryReadPixelIsAMultipleOfTheDilation() {
        assertThat(StridedDilation.applies(2, 4, 2)).isTrue();
        assertThat(StridedDilation.applies(2, 2, 2)).isTrue();
        assertThat(StridedDilation.applies(3, 3, 3)).isTrue();
        assertThat(StridedDilation.applies(1, 4, 2)).isFalse();
        assertThat(StridedDilation.applies(2, 3, 2)).isFalse();
        assertThat(StridedDilation.applies(2, 2, 1)).isFalse();
        assertThat(StridedDilation.applies(1, 0, 1)).isFalse();
    }

    @Test
    void reductionDilatedConvolutionsKeepTheirParameterNames() {
        Shape input = new Shape(1, CHANNELS, 8, 8);
        try (NDManager manager = TestEngine.newManager()) {
            Block reducing =
                    SpaceFixtures.initialized(
                            Layers.dilConv(CHANNELS, 5, 2, 4, 2, true), manager, input);
            Block plain =
                    SpaceFixtures.initialized(
                            Layers.dilConv(CHANNELS, 5, 1, 4, 2, true), manager, input);
            assertThat(reducing.getChildren().get(1).getValue())
                    .isInstanceOf(StridedDilation.Conv2d.class);
            assertThat(plain.getChildren().get(1).getValue())
                    .isNotInstanceOf(StridedDilation.Conv2d.class);
            assertThat(reducing.getParameters().keys())
                    .isEqualTo(plain.getParameters().keys())
                    .contains("02Conv2d_weight");
        }
    }

    private record Pass(
            NDArray output, NDArray inputGradient, NDArray weightGradient, NDArray biasGradient) {}

    private static Pass pass(Block block, NDArray input, NDArray upstream, NDManager manager) {
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        NDArray output;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            output =
                    block.forward(new ParameterStore(manager, false), new NDList(x), true)
                            .singletonOrThrow();
            collector.backward(output.mul(upstream).sum());
        }
        return new Pass(
                output.duplicate(),
                x.getGradient().duplicate(),
                block.getParameters().get("weight").getArray().getGradient().duplicate(),
                block.getParameters().get("bias").getArray().getGradient().duplicate());
    }

    private static float maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }
}
