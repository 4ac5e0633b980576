package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.djlnas.api.export.GraphBuilder;

/**
 * Square 2-D average or max pooling with symmetric zero padding. Average pooling does not count the
 * padding (PyTorch's {@code count_include_pad=False}, as DARTS and NAS-Bench-201 use).
 *
 * <p>DJL's PyTorch engine ignores the {@code countIncludePad} flag and always counts the padding,
 * so the average is divided by the same pooling of an all-ones image, the fraction of each window
 * inside the image: the result is the mean over real pixels on every engine.
 */
public final class Pool2d extends ParameterFreeBlock {

    /** The pooling function. */
    public enum Kind {
        /** Average pooling. */
        AVERAGE,
        /** Max pooling. */
        MAX
    }

    private final Kind kind;
    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * Creates a pooling block.
     *
     * @param kind average or max
     * @param kernel the window size
     * @param stride the stride
     * @param padding the padding on each side
     */
    public Pool2d(Kind kind, int kernel, int stride, int padding) {
        this.kind = kind;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    NDArray apply(NDArray input) {
        Shape window = new Shape(kernel, kernel);
        Shape strides = new Shape(stride, stride);
        Shape pads = new Shape(padding, padding);
        if (kind == Kind.MAX) {
            return Pool.maxPool2d(input, window, strides, pads, false);
        }
        NDArray sums = Pool.avgPool2d(input, window, strides, pads, false, false);
        if (padding == 0) {
            return sums;
        }
        Shape shape = input.getShape();
        try (NDArray ones = input.getManager().ones(new Shape(1, 1, shape.get(2), shape.get(3)))) {
            NDArray coverage = Pool.avgPool2d(ones, window, strides, pads, false, false);
            // In the input's type (MXNet does not divide float64 by float32), converted from
            // float32 exactly as PyTorch's promotion would.
            NDArray typed = coverage.toType(input.getDataType(), false);
            NDArray mean = sums.div(typed);
            sums.close();
            if (typed != coverage) {
                typed.close();
            }
            coverage.close();
            return mean;
        }
    }

    @Override
    Shape outputShape(Shape input) {
        return new Shape(input.get(0), input.get(1), outSize(input.get(2)), outSize(input.get(3)));
    }

    private long outSize(long size) {
        return (size + 2L * padding - kernel) / stride + 1;
    }

    @Override
    public String toString() {
        return kind + "Pool2d(kernel=" + kernel + ", stride=" + stride + ")";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return kind == Kind.MAX
                ? graph.maxPool(input, kernel, stride, padding)
                : graph.averagePool(input, kernel, stride, padding);
    }
}
