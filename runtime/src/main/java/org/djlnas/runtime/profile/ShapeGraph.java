package org.djlnas.runtime.profile;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.HostTensor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GraphBuilder} that builds nothing: it follows the shapes of the operations a {@code
 * PortableBlock} describes and adds up their multiply-adds, by the rules of {@link MultiplyAdds}.
 */
final class ShapeGraph implements GraphBuilder<Shape> {

    private long multiplyAdds;

    /** Returns the multiply-adds of the operations added so far, over the whole batch. */
    long multiplyAdds() {
        return multiplyAdds;
    }

    @Override
    public Shape conv2d(
            Shape input,
            HostTensor weight,
            @Nullable HostTensor bias,
            int[] stride,
            int[] padding,
            int[] dilation,
            int groups) {
        long[] out = new long[4];
        out[0] = input.get(0);
        out[1] = weight.shape()[0];
        for (int axis = 0; axis < 2; axis++) {
            long kernel = weight.shape()[2 + axis];
            long span = dilation[axis] * (kernel - 1) + 1;
            out[2 + axis] = (input.get(2 + axis) + 2L * padding[axis] - span) / stride[axis] + 1;
        }
        Shape output = new Shape(out);
        multiplyAdds += output.size() * weight.shape()[1] * weight.shape()[2] * weight.shape()[3];
        return output;
    }

    @Override
    public Shape scaleShift(Shape input, float[] scale, float[] shift) {
        return input;
    }

    @Override
    public Shape relu(Shape input) {
        return input;
    }

    @Override
    public Shape relu6(Shape input) {
        return input;
    }

    @Override
    public Shape scaleChannels(Shape input, Shape factors) {
        multiplyAdds += input.size();
        return input;
    }

    @Override
    public Shape tanh(Shape input) {
        return input;
    }

    @Override
    public Shape sigmoid(Shape input) {
        return input;
    }

    @Override
    public Shape gelu(Shape input) {
        return input;
    }

    @Override
    public Shape maxPool(Shape input, int kernel, int stride, int padding) {
        return pooled(input, kernel, stride, padding);
    }

    @Override
    public Shape averagePool(Shape input, int kernel, int stride, int padding) {
        Shape output = pooled(input, kernel, stride, padding);
        multiplyAdds += output.size() * kernel * kernel;
        return output;
    }

    @Override
    public Shape globalAveragePool(Shape input) {
        multiplyAdds += input.size();
        return new Shape(input.get(0), input.get(1));
    }

    @Override
    public Shape add(Shape left, Shape right) {
        return left;
    }

    @Override
    public Shape concatChannels(List<Shape> inputs) {
        long channels = 0;
        for (Shape input : inputs) {
            channels += input.get(1);
        }
        long[] dims = inputs.get(0).getShape();
        dims[1] = channels;
        return new Shape(dims);
    }

    @Override
    public Shape padBottomRight(Shape input, int bottom, int right) {
        return new Shape(input.get(0), input.get(1), input.get(2) + bottom, input.get(3) + right);
    }

    @Override
    public Shape cropTopLeft(Shape input, int top, int left) {
        return new Shape(input.get(0), input.get(1), input.get(2) - top, input.get(3) - left);
    }

    @Override
    public Shape zeros(Shape like, int channels, int stride) {
        return new Shape(
                like.get(0),
                channels,
                (like.get(2) + stride - 1) / stride,
                (like.get(3) + stride - 1) / stride);
    }

    @Override
    public Shape flatten(Shape input) {
        return new Shape(input.get(0), input.size() / input.get(0));
    }

    @Override
    public Shape linear(Shape input, HostTensor weight, @Nullable HostTensor bias) {
        multiplyAdds += input.size() * weight.shape()[0];
        return new Shape(input.get(0), weight.shape()[0]);
    }

    private static Shape pooled(Shape input, int kernel, int stride, int padding) {
        return new Shape(
                input.get(0),
                input.get(1),
                (input.get(2) + 2L * padding - kernel) / stride + 1,
                (input.get(3) + 2L * padding - kernel) / stride + 1);
    }
}
