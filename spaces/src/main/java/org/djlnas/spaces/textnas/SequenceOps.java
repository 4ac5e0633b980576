package org.djlnas.spaces.textnas;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import java.util.List;
import org.djlnas.spaces.ops.Identity;

/**
 * The operations an edge of a text cell chooses among. Every one maps {@code (N, C, L)} to {@code
 * (N, C, L)}: the sequence keeps its length and channels.
 */
final class SequenceOps {

    static final String ZERO = "zero";
    static final String SKIP = "skip";
    static final String GRU_OP = "gru";
    static final String MAX_POOL = "max_pool_3";
    static final String AVG_POOL = "avg_pool_3";

    /** Every operation, the zero operation first. */
    static final List<String> ALL =
            List.of(ZERO, SKIP, "conv_1", "conv_3", "conv_5", "conv_7", GRU_OP, MAX_POOL, AVG_POOL);

    private SequenceOps() {}

    /**
     * Builds an operation.
     *
     * @param name one of {@link #ALL} but {@link #ZERO}
     * @param channels the channels
     * @param affine whether batch normalisation learns scale and shift (not in a supernet)
     * @return a new block
     */
    static Block create(String name, int channels, boolean affine) {
        return switch (name) {
            case SKIP -> new Identity();
            case GRU_OP -> recurrent(channels);
            case MAX_POOL -> Pool.maxPool1dBlock(new Shape(3), new Shape(1), new Shape(1));
            case AVG_POOL ->
                    Pool.avgPool1dBlock(new Shape(3), new Shape(1), new Shape(1), false, false);
            default -> {
                if (!name.startsWith("conv_")) {
                    throw new IllegalArgumentException(
                            "operation '" + name + "' is unknown; expected one of " + ALL);
                }
                yield convolution(
                        channels, Integer.parseInt(name.substring("conv_".length())), affine);
            }
        };
    }

    /** Convolution over time (same length), batch normalisation, ReLU. */
    private static Block convolution(int channels, int width, boolean affine) {
        return new SequentialBlock()
                .add(
                        Conv1d.builder()
                                .setFilters(channels)
                                .setKernelShape(new Shape(width))
                                .optPadding(new Shape(width / 2))
                                .optBias(false)
                                .build())
                .add(BatchNorm.builder().optCenter(affine).optScale(affine).build())
                .add(Activation.reluBlock());
    }

    /** A GRU over the sequence, one output per step, as wide as its input. */
    private static Block recurrent(int channels) {
        return new SequentialBlock()
                .add(swapTimeAndChannels())
                .add(
                        GRU.builder()
                                .setStateSize(channels)
                                .setNumLayers(1)
                                .optBatchFirst(true)
                                .optReturnState(false)
                                .build())
                .add(swapTimeAndChannels());
    }

    private static Block swapTimeAndChannels() {
        return new LambdaBlock(
                list -> new NDList(list.singletonOrThrow().transpose(0, 2, 1)), "transpose");
    }
}
