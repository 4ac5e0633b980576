package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.djlnas.api.space.ReluProbe;
import org.djlnas.api.supernet.ReluSharing;
import org.djlnas.api.supernet.SharedRelu;
import org.jspecify.annotations.Nullable;

/**
 * Halves the resolution without losing half the pixels: ReLU, then two 1×1 convolutions of stride
 * 2, one on the input and one on the input shifted by one pixel, concatenated and batch normalised
 * (DARTS and NAS-Bench-201's {@code FactorizedReduce}). Odd sizes are zero-padded on the bottom and
 * right before the shift, so both halves always agree.
 */
public final class FactorizedReduce extends AbstractBlock implements PortableBlock, ReluSharing {

    private static final byte VERSION = 1;

    private final Block evenConv;
    private final Block oddConv;
    private final Block norm;
    private @Nullable SharedRelu sharedRelu;

    /**
     * Creates the block.
     *
     * @param channels the output channels (split between the two convolutions)
     * @param affine whether the batch normalisation learns scale and shift
     */
    public FactorizedReduce(int channels, boolean affine) {
        super(VERSION);
        if (channels < 2) {
            throw new IllegalArgumentException(
                    "factorized reduce needs at least 2 output channels, got " + channels);
        }
        evenConv = addChildBlock("conv_1", Layers.conv(channels / 2, 1, 2, 0, 1, 1));
        oddConv = addChildBlock("conv_2", Layers.conv(channels - channels / 2, 1, 2, 0, 1, 1));
        norm = addChildBlock("bn", Layers.batchNorm(affine));
    }

    @Override
    public void shareRelu(SharedRelu shared) {
        sharedRelu = shared;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray x =
                sharedRelu == null
                        ? Activation.relu(input)
                        : sharedRelu.apply(input, Activation::relu);
        ReluProbe.observe(parameterStore, x);
        NDArray even = evenConv.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        NDArray odd =
                oddConv.forward(parameterStore, new NDList(shifted(x)), training)
                        .singletonOrThrow();
        NDArray joined = NDArrays.concat(new NDList(even, odd), 1);
        return norm.forward(parameterStore, new NDList(joined), training, params);
    }

    private static NDArray shifted(NDArray x) {
        Shape shape = x.getShape();
        NDArray padded = x;
        if (shape.get(2) % 2 == 1 || shape.get(3) % 2 == 1) {
            NDManager manager = x.getManager();
            DataType type = x.getDataType();
            NDArray row =
                    manager.zeros(new Shape(shape.get(0), shape.get(1), 1, shape.get(3)), type);
            NDArray column =
                    manager.zeros(new Shape(shape.get(0), shape.get(1), shape.get(2) + 1, 1), type);
            padded = NDArrays.concat(new NDList(x, row), 2);
            padded = NDArrays.concat(new NDList(padded, column), 3);
        }
        return padded.get(":, :, 1:, 1:");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape even = evenConv.getOutputShapes(new Shape[] {in})[0];
        Shape odd = oddConv.getOutputShapes(new Shape[] {in})[0];
        return new Shape[] {
            new Shape(in.get(0), even.get(1) + odd.get(1), even.get(2), even.get(3))
        };
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        evenConv.initialize(manager, dataType, in);
        oddConv.initialize(manager, dataType, in);
        norm.initialize(manager, dataType, getOutputShapes(inputShapes));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The shifted half always pads one row and column before the shift: on even sizes the
     * padding lands where the stride-2 convolution never samples, so the result is the same.
     */
    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        GraphBuilder<T> graph = lowering.graph();
        T x = graph.relu(inputs.get(0));
        T shifted = graph.cropTopLeft(graph.padBottomRight(x, 1, 1), 1, 1);
        T even = lowering.lower(evenConv, List.of(x)).get(0);
        T odd = lowering.lower(oddConv, List.of(shifted)).get(0);
        return lowering.lower(norm, List.of(graph.concatChannels(List.of(even, odd))));
    }
}
