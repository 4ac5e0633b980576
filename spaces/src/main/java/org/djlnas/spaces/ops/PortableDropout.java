package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.djlnas.api.export.GraphLowering;
import org.djlnas.api.export.PortableBlock;
import org.jspecify.annotations.Nullable;

/**
 * Dropout (DJL's operation) that exports: in training it zeroes each element with the given
 * probability and scales the rest by {@code 1 / (1 − rate)}; at inference, and in an exported
 * graph, it passes its input through.
 */
public final class PortableDropout extends AbstractBlock implements PortableBlock {

    private static final byte VERSION = 1;

    private final float rate;

    /**
     * Creates the block.
     *
     * @param rate the probability of zeroing an element, in [0, 1)
     */
    public PortableDropout(float rate) {
        super(VERSION);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(
                    "dropout rate is " + rate + "; expected a number in [0, 1)");
        }
        this.rate = rate;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        return Dropout.dropout(inputs.singletonOrThrow(), rate, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public <T> List<T> lower(GraphLowering<T> lowering, List<T> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    this + " takes one input tensor but was given " + inputs.size());
        }
        return List.of(inputs.get(0));
    }

    @Override
    public String toString() {
        return "Dropout(" + rate + ")";
    }
}
