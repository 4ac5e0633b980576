package org.djlnas.spaces.nasbench201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 *
 * <p>An image of odd height or width gets a row or column of zeros at the bottom or right before
 * the shortcut's pooling, so that the shortcut's output has the body's size ({@code ⌈n / 2⌉});
 * NAS-Bench-201's own code only takes even sizes. Even sizes are pooled as before.
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
        NDList evenInputs = new NDList(padToEven(inputs.singletonOrThrow()));
        NDArray skip =
                shortcut.forward(parameterStore, evenInputs, training, params).singletonOrThrow();
        return new NDList(residual.add(skip));
    }

    /** Adds a row of zeros below an odd height and a column right of an odd width. */
    private static NDArray padToEven(NDArray x) {
        Shape shape = x.getShape();
        long height = shape.get(2);
        long width = shape.get(3);
        if (height % 2 == 0 && width % 2 == 0) {
            return x;
        }
        NDManager manager = x.getManager();
        NDArray padded = x;
        if (height % 2 == 1) {
            NDArray row =
                    manager.zeros(new Shape(shape.get(0), shape.get(1), 1, width), x.getDataType());
            padded = NDArrays.concat(new NDList(padded, row), 2);
        }
        if (width % 2 == 1) {
            NDArray column =
                    manager.zeros(
                            new Shape(shape.get(0), shape.get(1), padded.getShape().get(2), 1),
                            x.getDataType());
            padded = NDArrays.concat(new NDList(padded, column), 3);
        }
        return padded;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return body.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        Shape in = inputShapes[0];
        shortcut.initialize(
                manager,
                dataType,
                new Shape(
                        in.get(0),
                        in.get(1),
                        in.get(2) + in.get(2) % 2,
                        in.get(3) + in.get(3) % 2));
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        T residual = lowering.lower(body, inputs).get(0);
        // one row and column of zeros at the bottom right: unused by the pooling of an even size,
        // averaged into the last row or column of an odd one, as in forwardInternal
        T padded = lowering.graph().padBottomRight(inputs.get(0), 1, 1);
        T skip = lowering.lower(shortcut, List.of(padded)).get(0);
        return List.of(lowering.graph().add(residual, skip));
    }
}
