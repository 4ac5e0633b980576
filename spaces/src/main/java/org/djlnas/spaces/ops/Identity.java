package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.djlnas.api.export.GraphBuilder;

/** Returns its input unchanged (the {@code skip_connect} operation at stride 1). */
public final class Identity extends ParameterFreeBlock {

    @Override
    NDArray apply(NDArray input) {
        return input;
    }

    @Override
    Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String toString() {
        return "Identity()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return input;
    }
}
