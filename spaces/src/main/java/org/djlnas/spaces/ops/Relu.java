package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.djlnas.api.export.GraphBuilder;

/** Rectified linear unit. */
public final class Relu extends ParameterFreeBlock {

    @Override
    NDArray apply(NDArray input) {
        return Activation.relu(input);
    }

    @Override
    boolean isRelu() {
        return true;
    }

    @Override
    Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String toString() {
        return "ReLU()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return graph.relu(input);
    }
}
