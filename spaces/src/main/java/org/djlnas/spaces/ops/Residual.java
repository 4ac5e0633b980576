package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * An identity shortcut around a block: {@code x + body(x)}. The body must keep the shape of its
 * input; initialising with an input it changes is an error that names both shapes.
 */
public final class Residual extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final Block body;

    /**
     * Wraps a block in a shortcut.
     *
     * @param body a block whose output has its input's shape
     */
    public Residual(Block body) {
        super(VERSION);
        this.body = addChildBlock("body", body);
    }

    /**
     * Returns the block inside the shortcut.
     *
     * @return the body
     */
    public Block body() {
        return body;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray output = body.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(output.add(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape output = body.getOutputShapes(inputShapes)[0];
        if (!output.equals(inputShapes[0])) {
            throw new IllegalArgumentException(
                    "a residual block must keep its input's shape, but "
                            + inputShapes[0]
                            + " becomes "
                            + output);
        }
        return new Shape[] {output};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        getOutputShapes(inputShapes);
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        T output = lowering.lower(body, inputs).get(0);
        return List.of(lowering.graph().add(output, inputs.get(0)));
    }

    @Override
    public String toString() {
        return "Residual(" + body + ")";
    }
}
