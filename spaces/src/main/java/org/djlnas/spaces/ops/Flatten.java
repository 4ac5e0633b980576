package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.djlnas.api.export.GraphBuilder;

/** Flattens every axis but the batch axis: {@code (N, d1, d2, …) → (N, d1·d2·…)}. */
public final class Flatten extends ParameterFreeBlock {

    @Override
    NDArray apply(NDArray input) {
        return input.reshape(input.getShape().get(0), -1);
    }

    @Override
    Shape outputShape(Shape input) {
        return new Shape(input.get(0), input.size() / input.get(0));
    }

    @Override
    public String toString() {
        return "Flatten()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return graph.flatten(input);
    }
}
