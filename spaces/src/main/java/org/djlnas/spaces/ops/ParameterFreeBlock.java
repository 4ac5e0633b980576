package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * A block without parameters that maps one tensor to one tensor and computes its output shape
 * arithmetically. Unlike DJL's {@code LambdaBlock}, it never runs an operation (on whatever the
 * default engine is) just to learn a shape.
 */
abstract class ParameterFreeBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    ParameterFreeBlock() {
        super(VERSION);
    }

    /**
     * Applies the operation.
     *
     * @param input the input tensor
     * @return the output tensor
     */
    abstract NDArray apply(NDArray input);

    /**
     * Computes the output shape.
     *
     * @param input the input shape
     * @return the output shape
     */
    abstract Shape outputShape(Shape input);

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        return new NDList(apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {outputShape(inputShapes[0])};
    }
}
