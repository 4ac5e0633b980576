package org.djlnas.spaces.nasbench201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.arch.InvalidArchitectureException;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.spaces.SpaceFixtures;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class NasBench201SpaceTest {

    private final NasBench201Space space =
            (NasBench201Space) SpaceFixtures.space(new NasBench201Provider(), Map.of());

    private static String uniform(String op) {
        return "|" + op + "~0|+|" + op + "~0|" + op + "~1|+|" + op + "~0|" + op + "~1|" + op
                + "~2|";
    }

    private long parameters(NasBench201Space s, Architecture arch, Shape input) {
        try (NDManager manager = TestEngine.newManager()) {
            return ParameterCount.trainable(
                    SpaceFixtures.initialized(s.compile(arch), manager, input));
        }
    }

    @Test
    void sizeIs15625() {
        assertThat(space.size().count()).isEqualTo(BigInteger.valueOf(15_625));
    }

    @Test
    void allConv3x3CellHasTheBenchmarksParameterCount() {
        Architecture arch = space.fromBenchmarkString(uniform("nor_conv_3x3"));
        assertThat(parameters(space, arch, new Shape(1, 3, 32, 32))).isEqualTo(1_531_546L);
    }

    @Test
    void allSkipCellHasTheBenchmarksParameterCount() {
        Architecture arch = space.fromBenchmarkString(uniform("skip_connect"));
        assertThat(parameters(space, arch, new Shape(1, 3, 32, 32))).isEqualTo(73_306L);
    }

    @Test
    void allConv1x1CellCountsOnlyTheChosenOperations() {
        // Per cell: 6 edges of ReLU-conv1x1-BN at C channels: 6 * (C*C + 2C).
        long skeleton = 73_306L;
        long cells = 0;
        for (int c : new int[] {16, 32, 64}) {
            cells += 5L * 6 * (c * c + 2L * c);
        }
        Architecture arch = space.fromBenchmarkString(uniform("nor_conv_1x1"));
        assertThat(parameters(space, arch, new Shape(1, 3, 32, 32))).isEqualTo(skeleton + cells);
    }

    @Test
    void noneEdgesAndEdgesThatCannotReachTheOutputCostNothing() {
        // Node 1 is fed by a conv but feeds only 'none' edges: that conv is dead.
        Architecture dead =
                space.fromBenchmarkString(
                        "|nor_conv_3x3~0|+|skip_connect~0|none~1|+|skip_connect~0|none~1|skip_connect~2|");
        assertThat(parameters(space, dead, new Shape(1, 3, 32, 32))).isEqualTo(73_306L);
    }

    @Test
    void benchmarkStringsRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            Architecture arch = space.sample(random);
            assertThat(space.fromBenchmarkString(space.toBenchmarkString(arch))).isEqualTo(arch);
        }
    }

    @Test
    void enumerationMatchesEveryArchitectureOfTheBenchmarkTable() throws IOException {
        Set<String> table;
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new NasBench201Cifar10Table().open(), StandardCharsets.UTF_8))) {
            table =
                    reader.lines()
                            .skip(1)
                            .map(line -> line.substring(0, line.indexOf(',')))
                            .collect(Collectors.toSet());
        }
        Set<String> enumerated = new HashSet<>();
        for (Iterator<Architecture> it = space.enumerate(); it.hasNext(); ) {
            enumerated.add(space.toBenchmarkString(it.next()));
        }
        assertThat(enumerated).hasSize(15_625).isEqualTo(table);
    }

    @Test
    void malformedBenchmarkStringsNameTheProblem() {
        assertThatThrownBy(() -> space.fromBenchmarkString("|nor_conv_3x3~0|"))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("3 groups");
        assertThatThrownBy(
                        () ->
                                space.fromBenchmarkString(
                                        uniform("nor_conv_3x3")
                                                .replace("nor_conv_3x3~1", "conv_9x9~1")))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("conv_9x9")
                .hasMessageContaining("cell/node2/from1");
        assertThatThrownBy(
                        () ->
                                space.fromBenchmarkString(
                                        uniform("none").replace("none~1|+", "none~0|+")))
                .isInstanceOf(InvalidArchitectureException.class)
                .hasMessageContaining("op~0");
    }

    @Test
    void wrongInputChannelsAreAClearError() {
        Architecture arch = space.fromBenchmarkString(uniform("nor_conv_3x3"));
        try (NDManager manager = TestEngine.newManager()) {
            Block block = space.compile(arch);
            assertThatThrownBy(
                            () ->
                                    SpaceFixtures.initialized(
                                            block, manager, new Shape(1, 1, 32, 32)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("input-channels");
        }
    }

    @Test
    void everySmallNetworkRunsForwardAndBackward() {
        NasBench201Space small =
                (NasBench201Space)
                        SpaceFixtures.space(
                                new NasBench201Provider(),
                                Map.of("channels", "4", "cells", "1", "input-channels", "1"));
        SplittableRandom random = new SplittableRandom(3);
        try (NDManager manager = TestEngine.newManager()) {
            for (int i = 0; i < 5; i++) {
                Architecture arch = small.sample(random);
                Shape input = new Shape(2, 1, 16, 16);
                Block block = SpaceFixtures.initialized(small.compile(arch), manager, input);
                assertThat(block.getOutputShapes(new Shape[] {input})[0])
                        .isEqualTo(new Shape(2, 10));
                NDArray x = manager.randomNormal(input);
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDList out =
                            block.forward(new ParameterStore(manager, false), new NDList(x), true);
                    assertThat(out.head().getShape()).isEqualTo(new Shape(2, 10));
                    collector.backward(out.head().sum());
                }
                boolean anyGradient =
                        block.getParameters().values().stream()
                                .filter(p -> p.requiresGradient())
                                .anyMatch(
                                        p -> p.getArray().getGradient().abs().sum().getFloat() > 0);
                assertThat(anyGradient).as("gradient reaches parameters of %s", arch).isTrue();
            }
        }
    }

    @Test
    void labelsFollowTheCellScheme() {
        assertThat(space.choices().choicesByLabel().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        List.of(
                                "cell/node1/from0",
                                "cell/node2/from0",
                                "cell/node2/from1",
                                "cell/node3/from0",
                                "cell/node3/from1",
                                "cell/node3/from2"));
    }
}
