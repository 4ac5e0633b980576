package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.djlnas.api.export.GraphBuilder;

/**
 * Passes a {@code (N, C, H, W)} tensor through after checking that it has the channels a network
 * was built for, so a wrong input shape fails with a clear message instead of deep in a
 * convolution.
 */
public final class ExpectChannels extends ParameterFreeBlock {

    private final int channels;

    /**
     * Creates the check.
     *
     * @param channels the expected number of input channels
     */
    public ExpectChannels(int channels) {
        this.channels = channels;
    }

    @Override
    NDArray apply(NDArray input) {
        outputShape(input.getShape());
        return input;
    }

    @Override
    Shape outputShape(Shape input) {
        if (input.dimension() != 4 || input.get(1) != channels) {
            throw new IllegalArgumentException(
                    "input shape "
                            + input
                            + " does not fit this network; expected (N, "
                            + channels
                            + ", H, W) as set by the space's input-channels setting");
        }
        return input;
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return input;
    }
}
