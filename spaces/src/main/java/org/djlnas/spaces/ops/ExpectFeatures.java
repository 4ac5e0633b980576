package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.djlnas.api.export.GraphBuilder;

/**
 * Passes a {@code (N, F)} tensor of table features through after checking that it has the features
 * a network was built for, so a table encoded differently fails with a clear message.
 */
public final class ExpectFeatures extends ParameterFreeBlock {

    private final int features;

    /**
     * Creates the check.
     *
     * @param features the expected number of features per example
     */
    public ExpectFeatures(int features) {
        this.features = features;
    }

    @Override
    NDArray apply(NDArray input) {
        outputShape(input.getShape());
        return input;
    }

    @Override
    Shape outputShape(Shape input) {
        if (input.dimension() != 2 || input.get(1) != features) {
            throw new IllegalArgumentException(
                    "input shape "
                            + input
                            + " does not fit this network; expected (N, "
                            + features
                            + ") as set by the space's features setting");
        }
        return input;
    }

    @Override
    public String toString() {
        return "ExpectFeatures(" + features + ")";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return input;
    }
}
