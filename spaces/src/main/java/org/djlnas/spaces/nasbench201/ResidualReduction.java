package org.djlnas.spaces.nasbench201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.djlnas.spaces.ops.Layers;
import org.djlnas.spaces.ops.Pool2d;
import org.jspecify.annotations.Nullable;

/**
 * NAS-Bench-201's residual reduction block between stages: two ReLU-conv-BN 3×3 layers (the first
 * of stride 2) plus a shortcut of 2×2 average pooling and a 1×1 convolution.
 */
final class ResidualReduction extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final Block body;
    private final Block shortcut;

    ResidualReduction(int channels) {
        super(VERSION);
        body =
                addChildBlock(
                        "body",
                        new SequentialBlock()
                                .add(Layers.reluConvBn(channels, 3, 2, 1, 1, true))
                                .add(Layers.reluConvBn(channels, 3, 1, 1, 1, true)));
        shortcut =
                addChildBlock(
                        "shortcut",
                        new SequentialBlock()
                                .add(new Pool2d(Pool2d.Kind.AVERAGE, 2, 2, 0))
                                .add(Layers.conv(channels, 1, 1, 0, 1, 1)));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray residual =
                body.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray skip =
                shortcut.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(residual.add(skip));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return body.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        T residual = lowering.lower(body, inputs).get(0);
        T skip = lowering.lower(shortcut, inputs).get(0);
        return List.of(lowering.graph().add(residual, skip));
    }
}
