package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.djlnas.api.export.GraphBuilder;

/** ReLU capped at 6, {@code min(max(x, 0), 6)}: MobileNetV2's activation. */
public final class Relu6 extends ParameterFreeBlock {

    @Override
    NDArray apply(NDArray input) {
        return Activation.relu6(input);
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
