package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.djlnas.api.export.GraphBuilder;

/**
 * Outputs zeros of shape {@code (N, channels, ⌈H/stride⌉, ⌈W/stride⌉)}: the {@code none} operation.
 * Compiled cells leave {@code none} edges out entirely; this block serves supernets.
 */
public final class Zero extends ParameterFreeBlock {

    private final int channels;
    private final int stride;

    /**
     * Creates the operation.
     *
     * @param channels the output channels
     * @param stride the spatial stride
     */
    public Zero(int channels, int stride) {
        this.channels = channels;
        this.stride = stride;
    }

    @Override
    NDArray apply(NDArray input) {
        return input.getManager().zeros(outputShape(input.getShape()), input.getDataType());
    }

    @Override
    Shape outputShape(Shape input) {
        return new Shape(
                input.get(0),
                channels,
                (input.get(2) + stride - 1) / stride,
                (input.get(3) + stride - 1) / stride);
    }

    @Override
    public String toString() {
        return "Zero(stride=" + stride + ")";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return graph.zeros(input, channels, stride);
    }
}
