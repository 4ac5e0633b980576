package org.djlnas.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.mlp.MlpProvider;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.spaces.nasbench201.NasBench201Space;
import org.djlnas.testing.TestEngine;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiplyAddsTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = TestEngine.newManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void convolutionCountsOutputsTimesInputChannelsTimesKernel() {
        // 3 → 8 channels, 3×3, stride 2, padding 1 on 9×9: a 5×5 output.
        Conv2d strided =
                Conv2d.builder()
                        .setFilters(8)
                        .setKernelShape(new Shape(3, 3))
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1))
                        .build();
        Networks.initialized(strided, manager, new Shape(4, 3, 9, 9));
        assertThat(MultiplyAdds.of(strided).total()).isEqualTo(8L * 5 * 5 * 3 * 9);

        // Dilation 2 with padding 2 keeps 9×9; the bias adds nothing.
        Conv2d dilated =
                Conv2d.builder()
                        .setFilters(8)
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(2, 2))
                        .optDilation(new Shape(2, 2))
                        .build();
        Networks.initialized(dilated, manager, new Shape(2, 3, 9, 9));
        assertThat(MultiplyAdds.of(dilated).total()).isEqualTo(8L * 9 * 9 * 3 * 9);
    }

    @Test
    void depthwiseConvolutionCountsOneInputChannelPerOutput() {
        Conv2d depthwise =
                Conv2d.builder()
                        .setFilters(8)
                        .setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1))
                        .optGroups(8)
                        .optBias(false)
                        .build();
        Networks.initialized(depthwise, manager, new Shape(3, 8, 6, 6));
        assertThat(MultiplyAdds.of(depthwise).total()).isEqualTo(8L * 6 * 6 * 9);

        Conv2d grouped =
                Conv2d.builder().setFilters(8).setKernelShape(new Shape(1, 1)).optGroups(2).build();
        Networks.initialized(grouped, manager, new Shape(1, 8, 6, 6));
        assertThat(MultiplyAdds.of(grouped).total()).isEqualTo(8L * 6 * 6 * 4);
    }

    @Test
    void linearCountsInputsTimesUnits() {
        Linear linear = Linear.builder().setUnits(7).build();
        Networks.initialized(linear, manager, new Shape(5, 13));
        assertThat(MultiplyAdds.of(linear).total()).isEqualTo(13L * 7);
    }

    @Test
    void recurrentLayerCountsEveryWeightOncePerTimeStep() {
        GRU gru =
                GRU.builder()
                        .setStateSize(4)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .optReturnState(false)
                        .build();
        Networks.initialized(gru, manager, new Shape(2, 5, 3));
        // 3 gates × 4 units × (3 inputs + 4 hidden) weights, over 5 steps.
        assertThat(MultiplyAdds.of(gru).total()).isEqualTo(3L * 4 * (3 + 4) * 5);
    }

    @Test
    void mlpCountsItsLinearLayersOnly() {
        SearchSpace mlp =
                Networks.space(new MlpProvider(), Map.of("features", "10", "classes", "3"));
        Block network = mlp.compile(mlp.choices().sample(new java.util.Random(3)));
        Networks.initialized(network, manager, new Shape(2, 10));
        long expected = 0;
        long inputs = 10;
        for (Block linear : linears(network)) {
            long units = linear.getOutputShapes(linear.getInputShapes())[0].get(1);
            expected += inputs * units;
            inputs = units;
        }
        assertThat(linears(network)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(MultiplyAdds.of(network).total()).isEqualTo(expected);
    }

    @Test
    void nasBench201AllConvolutionNetworkMatchesTheHandCount() {
        NasBench201Space space = nasBench201(16, 5);
        Block network =
                space.compile(
                        space.fromBenchmarkString(
                                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+"
                                        + "|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"));
        Networks.initialized(network, manager, new Shape(1, 3, 32, 32));
        long stem = 16L * 3 * 9 * 32 * 32;
        // Every 3×3 edge costs C²·9·H·W = 2,359,296 at (16, 32²), (32, 16²) and (64, 8²).
        long cells = 3L * 5 * 6 * 16 * 16 * 9 * 32 * 32;
        long reduction1 = 32L * 16 * 9 * 256 + 32L * 32 * 9 * 256 + 16L * 256 * 4 + 32L * 16 * 256;
        long reduction2 = 64L * 32 * 9 * 64 + 64L * 64 * 9 * 64 + 32L * 64 * 4 + 64L * 32 * 64;
        long head = 64L * 8 * 8 + 64L * 10;
        long total = stem + cells + reduction1 + reduction2 + head;
        assertThat(total).isEqualTo(220_148_352L);
        assertThat(MultiplyAdds.of(network).total()).isEqualTo(total);
    }

    @Test
    void nasBench201CellCountsConvolutionsAndAveragePoolingOnly() {
        NasBench201Space space = nasBench201(4, 1);
        String cell =
                "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|";
        Block network = space.compile(space.fromBenchmarkString(cell));
        Networks.initialized(network, manager, new Shape(1, 3, 8, 8));
        MultiplyAdds counted = MultiplyAdds.of(network);
        // The first cell: C = 4 on 8×8. Two 3×3 average pools (9 per output), a 1×1 and a 3×3
        // convolution, a skip and a zero.
        long pools = 2L * 4 * 64 * 9;
        long conv1x1 = 4L * 64 * 4;
        long conv3x3 = 4L * 64 * 4 * 9;
        String firstCell =
                counted.byOperation().keySet().stream()
                        .filter(path -> path.contains("Cell"))
                        .findFirst()
                        .orElseThrow();
        String prefix = firstCell.substring(0, firstCell.indexOf('/'));
        long cellTotal =
                counted.byOperation().entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith(prefix + "/"))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        assertThat(cellTotal).isEqualTo(pools + conv1x1 + conv3x3);
    }

    @Test
    void anUnknownOperationIsRefusedByName() {
        Block mystery = new SequentialBlock().add(new Mystery());
        Networks.initialized(mystery, manager, new Shape(1, 4));
        assertThatThrownBy(() -> MultiplyAdds.of(mystery))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Mystery.class.getName())
                .hasMessageContaining("01Mystery");
    }

    private NasBench201Space nasBench201(int channels, int cells) {
        return (NasBench201Space)
                Networks.space(
                        new NasBench201Provider(),
                        Map.of(
                                "channels", Integer.toString(channels),
                                "cells", Integer.toString(cells)));
    }

    private static java.util.List<Block> linears(Block block) {
        java.util.List<Block> found = new java.util.ArrayList<>();
        if (block instanceof Linear) {
            found.add(block);
        }
        block.getChildren().values().forEach(child -> found.addAll(linears(child)));
        return found;
    }

    /** A leaf block the profiler has never heard of. */
    private static final class Mystery extends AbstractBlock {

        @Override
        protected NDList forwardInternal(
                ParameterStore parameterStore,
                NDList inputs,
                boolean training,
                @Nullable PairList<String, Object> params) {
            return inputs;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
