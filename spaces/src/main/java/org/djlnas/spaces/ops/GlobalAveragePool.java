package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.djlnas.api.export.GraphBuilder;

/** Averages each channel over its spatial positions: {@code (N, C, H, W) → (N, C)}. */
public final class GlobalAveragePool extends ParameterFreeBlock {

    @Override
    NDArray apply(NDArray input) {
        return Pool.globalAvgPool2d(input);
    }

    @Override
    Shape outputShape(Shape input) {
        return new Shape(input.get(0), input.get(1));
    }

    @Override
    public String toString() {
        return "GlobalAveragePool()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return graph.globalAveragePool(input);
    }
}
