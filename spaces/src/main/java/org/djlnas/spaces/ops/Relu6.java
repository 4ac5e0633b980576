package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.djlnas.api.engine.Scalars;
import org.djlnas.api.export.GraphBuilder;

/**
 * ReLU capped at 6, {@code min(max(x, 0), 6)}: MobileNetV2's activation. Not DJL's {@code
 * Activation.relu6}, whose {@code minimum(6, x)} gave PyTorch's backward pass a scalar in freed
 * memory ({@link Scalars}).
 */
public final class Relu6 extends ParameterFreeBlock {

    @Override
    NDArray apply(NDArray input) {
        NDArray relu = Activation.relu(input);
        try (NDArray six = Scalars.like(relu, 6f)) {
            return relu.minimum(six);
        }
    }

    @Override
    Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String toString() {
        return "ReLU6()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return graph.relu6(input);
    }
}
