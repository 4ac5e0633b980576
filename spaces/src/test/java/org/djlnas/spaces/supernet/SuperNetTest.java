package org.djlnas.spaces.supernet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.Discretizer;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.spaces.darts.DartsProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuperNetTest {

    private static final Shape INPUT = new Shape(2, 1, 8, 8);

    private static final int CLASSES = 3;

    private static OneShotSpace nasBench201() {
        return (OneShotSpace)
                SpaceFixtures.space(
                        new NasBench201Provider(),
                        Map.of(
                                "channels",
                                "4",
                                "cells",
                                "1",
                                "input-channels",
                                "1",
                                "classes",
                                "3"));
    }

    private static OneShotSpace darts() {
        return (OneShotSpace)
                SpaceFixtures.space(
                        new DartsProvider(),
                        Map.of(
                                "channels", "4",
                                "layers", "3",
                                "nodes", "2",
                                "input-channels", "1",
                                "classes", "3"));
    }

    static Stream<OneShotSpace> spaces() {
        return Stream.of(nasBench201(), darts());
    }

    /** Each space and a pattern matching the names of the parameters inside its cells. */
    static Stream<Arguments> spacesAndCellParameterNames() {
        return Stream.of(
                Arguments.of(nasBench201(), ".*CellBlock_.*"),
                Arguments.of(darts(), "\\d+cell\\d+_.*"));
    }

    private static ArchitectureWeights weights(NDManager manager, OneShotSpace space, long seed) {
        return ArchitectureWeights.create(manager, space.searchCells(), seed, 1e-3);
    }

    private static boolean isAffineNormalisation(Pair<String, Parameter> parameter) {
        String name = parameter.getKey();
        return parameter.getValue().requiresGradient()
                && (name.endsWith("_gamma") || name.endsWith("_beta"));
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    @ParameterizedTest
    @MethodSource("spacesAndCellParameterNames")
    void superNetClassifiesAndKeepsArchitectureWeightsOutOfItsParameters(
            OneShotSpace space, String cellParameter) {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights alphas = weights(manager, space, 1);
            Block block = SpaceFixtures.initialized(space.superNet(alphas), manager, INPUT);

            NDList out =
                    block.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomNormal(INPUT)),
                            true);

            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, CLASSES));
            assertThat(block.getOutputShapes(new Shape[] {INPUT})[0])
                    .isEqualTo(new Shape(2, CLASSES));
            List<NDArray> parameterArrays =
                    block.getParameters().values().stream().map(Parameter::getArray).toList();
            for (NDArray alpha : alphas.arrays()) {
                assertThat(parameterArrays).noneMatch(array -> array == alpha);
            }
            List<String> affine =
                    block.getParameters().stream()
                            .filter(SuperNetTest::isAffineNormalisation)
                            .map(Pair::getKey)
                            .toList();
            assertThat(affine).as("learned scales and shifts outside the cells").isNotEmpty();
            assertThat(affine).noneMatch(name -> name.matches(cellParameter));
            assertThat(block.getParameters().keys())
                    .as("the cells hold non-affine normalisation")
                    .anyMatch(name -> name.matches(cellParameter) && name.endsWith("_gamma"));
        }
    }

    @ParameterizedTest
    @MethodSource("spaces")
    void lossGivesEveryArchitectureWeightAGradient(OneShotSpace space) {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights alphas = weights(manager, space, 2);
            Block block = SpaceFixtures.initialized(space.superNet(alphas), manager, INPUT);
            NDArray x = manager.randomNormal(INPUT);
            NDArray labels = manager.create(new float[] {0, 2});

            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), true);
                collector.backward(new SoftmaxCrossEntropyLoss().evaluate(new NDList(labels), out));
            }

            assertThat(alphas.labels())
                    .containsExactlyElementsOf(
                            space.searchCells().stream()
                                    .flatMap(cell -> cell.edgeLabels().stream())
                                    .toList());
            for (String label : alphas.labels()) {
                double[] gradient = toDoubles(alphas.alpha(label).getGradient().toFloatArray());
                assertThat(Arrays.stream(gradient).boxed())
                        .as("gradient of %s", label)
                        .allMatch(Double::isFinite)
                        .anyMatch(g -> g != 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("spaces")
    void theSeedDeterminesTheInitialArchitectureWeights(OneShotSpace space) {
        try (NDManager manager = TestEngine.newManager()) {
            Map<String, double[]> first = weights(manager, space, 5).values();
            Map<String, double[]> again = weights(manager, space, 5).values();
            Map<String, double[]> other = weights(manager, space, 6).values();

            assertThat(again.keySet()).containsExactlyElementsOf(first.keySet());
            boolean anyDifferent = false;
            for (String label : first.keySet()) {
                assertThat(again.get(label)).containsExactly(first.get(label));
                assertThat(first.get(label))
                        .hasSize(space.searchCells().get(0).candidates().size());
                assertThat(Arrays.stream(first.get(label)).boxed())
                        .as("N(0, 1e-6) draws of %s", label)
                        .allMatch(v -> Math.abs(v) < 1e-2)
                        .anyMatch(v -> v != 0);
                anyDifferent |= !Arrays.equals(first.get(label), other.get(label));
            }
            assertThat(anyDifferent).as("another seed gives other weights").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("spaces")
    void derivedArchitectureValidatesAndCompiles(OneShotSpace space) {
        try (NDManager manager = TestEngine.newManager()) {
            ArchitectureWeights alphas = weights(manager, space, 9);

            Architecture arch = Discretizer.derive(space.searchCells(), alphas.probabilities());

            assertThat(space.validate(arch)).isEqualTo(arch);
            Block block = SpaceFixtures.initialized(space.compile(arch), manager, INPUT);
            NDList out =
                    block.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomNormal(INPUT)),
                            false);
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, CLASSES));
        }
    }
}
