package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
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
 * A block without parameters that maps one tensor to one tensor and computes its output shape
 * arithmetically. Unlike DJL's {@code LambdaBlock}, it never runs an operation (on whatever the
 * default engine is) just to learn a shape.
 */
abstract class ParameterFreeBlock extends AbstractBlock implements PortableBlock, ReluSharing {

    private static final byte VERSION = 1;

    private @Nullable SharedRelu sharedRelu;

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
     * Tells whether the operation is a ReLU, whose output a {@link ReluProbe} sees.
     *
     * @return true for a ReLU
     */
    boolean isRelu() {
        return false;
    }

    /**
     * Computes the output shape.
     *
     * @param input the input shape
     * @return the output shape
     */
    abstract Shape outputShape(Shape input);

    /**
     * Adds the operation to an inference graph in another runtime.
     *
     * @param graph the graph
     * @param input the graph tensor this block takes
     * @param <T> the runtime's tensor handle
     * @return the graph tensor it outputs
     */
    abstract <T> T lower(GraphBuilder<T> graph, T input);

    @Override
    public final <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    this + " takes one input tensor but was given " + inputs.size());
        }
        return List.of(lower(lowering.graph(), inputs.get(0)));
    }

    /** Takes its edge's shared ReLU if this block is a ReLU; other operations ignore it. */
    @Override
    public void shareRelu(SharedRelu shared) {
        if (isRelu()) {
            sharedRelu = shared;
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray output = sharedRelu == null ? apply(input) : sharedRelu.apply(input, this::apply);
        if (isRelu()) {
            ReluProbe.observe(parameterStore, output);
        }
        return new NDList(output);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {outputShape(inputShapes[0])};
    }
}
