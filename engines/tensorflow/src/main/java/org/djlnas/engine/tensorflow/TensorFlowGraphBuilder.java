package org.djlnas.engine.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.HostTensor;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds a TensorFlow inference graph with {@link Ops}, taking DJL's layouts at its interface and
 * keeping TensorFlow's own inside.
 *
 * <p><b>Layout.</b> TensorFlow's CPU convolutions and pools support only channels-last images, so
 * every image handle this builder returns is {@code (N, H, W, C)}: {@link #fromDjlLayout} converts
 * the graph input once and {@link #toDjlLayout} converts the result back. Handles of rank 2 are
 * {@code (N, features)} in both runtimes. Weights are converted on the host: convolution kernels
 * from {@code (out, in/groups, kH, kW)} to {@code (kH, kW, in/groups, out)}, or {@code (kH, kW, in,
 * multiplier)} for depthwise convolutions.
 *
 * <p><b>Padding.</b> Every padded operation pads explicitly and then runs unpadded ({@code VALID}):
 * with zeros for convolutions and average pools, with negative infinity for max pools, so padding
 * never wins. Average pools divide by the number of positions inside the image, not by the window
 * size (PyTorch's {@code count_include_pad=False}): the divisor is a constant computed on the host
 * from the static height and width.
 *
 * <p><b>Shapes.</b> The batch axis may be dynamic; channels, height and width must be known when
 * the graph is built, which they are when the input placeholder declares them.
 *
 * <p><b>Kernels.</b> The graph runs on every TensorFlow CPU kernel, with or without oneDNN: dilated
 * depthwise convolutions, which only the oneDNN kernel accepts, are rewritten without dilation
 * ({@link DepthwiseConvolution}); {@code Conv2D} takes dilations on every kernel.
 *
 * <p>Weights become constants of the graph. Single use: one builder builds one graph.
 */
public final class TensorFlowGraphBuilder implements GraphBuilder<Operand<TFloat32>> {

    private static final int[] NCHW_TO_NHWC = {0, 2, 3, 1};
    private static final int[] NHWC_TO_NCHW = {0, 3, 1, 2};
    private static final int HEIGHT_AXIS = 1;
    private static final int WIDTH_AXIS = 2;
    private static final int CHANNEL_AXIS = 3;
    private static final float INVERSE_SQRT_2 = (float) (1 / Math.sqrt(2));

    private final Ops tf;

    /**
     * Creates a builder that adds operations through the given ops.
     *
     * @param tf the operations' entry point, bound to a graph
     */
    public TensorFlowGraphBuilder(Ops tf) {
        this.tf = tf;
    }

    /**
     * Converts an image in DJL's layout, {@code (N, C, H, W)}, to this builder's, {@code (N, H, W,
     * C)}: call it once on the graph input.
     *
     * @param image an image of rank 4 in DJL's layout
     * @return the image in this builder's layout
     */
    public Operand<TFloat32> fromDjlLayout(Operand<TFloat32> image) {
        requireRank(image, 4, "fromDjlLayout");
        return tf.linalg.transpose(image, tf.constant(NCHW_TO_NHWC));
    }

    /**
     * Converts a handle this builder returned back to DJL's layout: images to {@code (N, C, H, W)},
     * anything else unchanged.
     *
     * @param value a handle this builder returned
     * @return the same values in DJL's layout
     */
    public Operand<TFloat32> toDjlLayout(Operand<TFloat32> value) {
        return rank(value) == 4 ? tf.linalg.transpose(value, tf.constant(NHWC_TO_NCHW)) : value;
    }

    @Override
    public Operand<TFloat32> conv2d(
            Operand<TFloat32> input,
            HostTensor weight,
            @Nullable HostTensor bias,
            int[] stride,
            int[] padding,
            int[] dilation,
            int groups) {
        requireRank(input, 4, "conv2d");
        long inChannels = staticDimension(input, CHANNEL_AXIS);
        if (weight.shape().length != 4
                || groups < 1
                || (long) weight.dimension(1) * groups != inChannels
                || weight.dimension(0) % groups != 0) {
            throw new IllegalArgumentException(
                    "conv2d weight of shape "
                            + Arrays.toString(weight.shape())
                            + " with "
                            + groups
                            + " groups does not fit an input of "
                            + inChannels
                            + " channels");
        }
        Operand<TFloat32> padded = padSpatially(input, padding[0], padding[1], tf.constant(0f));
        List<Long> strides = spatial(stride);
        List<Long> dilations = spatial(dilation);
        Operand<TFloat32> output;
        if (groups == 1) {
            output = convolve(padded, weight, strides, dilations);
        } else if (groups == inChannels) {
            output =
                    new DepthwiseConvolution(tf)
                            .build(padded, depthwiseKernel(weight, groups), stride, dilation);
        } else {
            output = groupedConvolution(padded, weight, groups, strides, dilations);
        }
        return bias == null ? output : tf.nn.biasAdd(output, vector(bias.data()));
    }

    @Override
    public Operand<TFloat32> scaleShift(Operand<TFloat32> input, float[] scale, float[] shift) {
        return tf.math.add(tf.math.mul(input, vector(scale)), vector(shift));
    }

    @Override
    public Operand<TFloat32> relu(Operand<TFloat32> input) {
        return tf.nn.relu(input);
    }

    @Override
    public Operand<TFloat32> relu6(Operand<TFloat32> input) {
        return tf.nn.relu6(input);
    }

    @Override
    public Operand<TFloat32> scaleChannels(Operand<TFloat32> input, Operand<TFloat32> factors) {
        requireRank(input, 4, "scaleChannels");
        requireRank(factors, 2, "scaleChannels");
        long channels = staticDimension(input, CHANNEL_AXIS);
        if (staticDimension(factors, 1) != channels) {
            throw new IllegalArgumentException(
                    "scaleChannels takes one factor per channel: "
                            + factors.shape()
                            + " does not fit an image of "
                            + channels
                            + " channels");
        }
        return tf.math.mul(
                input, tf.reshape(factors, tf.constant(new long[] {-1, 1, 1, channels})));
    }

    @Override
    public Operand<TFloat32> tanh(Operand<TFloat32> input) {
        return tf.math.tanh(input);
    }

    @Override
    public Operand<TFloat32> sigmoid(Operand<TFloat32> input) {
        return tf.math.sigmoid(input);
    }

    /** {@inheritDoc} Composed with {@code Erf}: TF Java has no GELU operation. */
    @Override
    public Operand<TFloat32> gelu(Operand<TFloat32> input) {
        Operand<TFloat32> erf = tf.math.erf(tf.math.mul(input, tf.constant(INVERSE_SQRT_2)));
        Operand<TFloat32> halfInput = tf.math.mul(input, tf.constant(0.5f));
        return tf.math.mul(halfInput, tf.math.add(erf, tf.constant(1f)));
    }

    @Override
    public Operand<TFloat32> maxPool(Operand<TFloat32> input, int kernel, int stride, int padding) {
        requireRank(input, 4, "maxPool");
        Operand<TFloat32> padded =
                padSpatially(input, padding, padding, tf.constant(Float.NEGATIVE_INFINITY));
        return tf.nn.maxPool(
                padded,
                tf.constant(new int[] {1, kernel, kernel, 1}),
                tf.constant(new int[] {1, stride, stride, 1}),
                "VALID");
    }

    @Override
    public Operand<TFloat32> averagePool(
            Operand<TFloat32> input, int kernel, int stride, int padding) {
        requireRank(input, 4, "averagePool");
        Operand<TFloat32> padded = padSpatially(input, padding, padding, tf.constant(0f));
        Operand<TFloat32> windowMean =
                tf.nn.avgPool(
                        padded,
                        List.of(1L, (long) kernel, (long) kernel, 1L),
                        List.of(1L, (long) stride, (long) stride, 1L),
                        "VALID");
        if (padding == 0) {
            return windowMean;
        }
        int height = Math.toIntExact(staticDimension(input, HEIGHT_AXIS));
        int width = Math.toIntExact(staticDimension(input, WIDTH_AXIS));
        return tf.math.mul(windowMean, paddingCorrection(height, width, kernel, stride, padding));
    }

    @Override
    public Operand<TFloat32> globalAveragePool(Operand<TFloat32> input) {
        requireRank(input, 4, "globalAveragePool");
        return tf.math.mean(input, tf.constant(new int[] {HEIGHT_AXIS, WIDTH_AXIS}));
    }

    @Override
    public Operand<TFloat32> add(Operand<TFloat32> left, Operand<TFloat32> right) {
        return tf.math.add(left, right);
    }

    @Override
    public Operand<TFloat32> concatChannels(List<Operand<TFloat32>> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("concatChannels needs at least one input");
        }
        int axis = rank(inputs.get(0)) == 4 ? CHANNEL_AXIS : 1;
        return tf.concat(inputs, tf.constant(axis));
    }

    @Override
    public Operand<TFloat32> padBottomRight(Operand<TFloat32> input, int bottom, int right) {
        requireRank(input, 4, "padBottomRight");
        return tf.pad(
                input,
                tf.constant(new int[][] {{0, 0}, {0, bottom}, {0, right}, {0, 0}}),
                tf.constant(0f));
    }

    @Override
    public Operand<TFloat32> cropTopLeft(Operand<TFloat32> input, int top, int left) {
        requireRank(input, 4, "cropTopLeft");
        return tf.slice(
                input,
                tf.constant(new int[] {0, top, left, 0}),
                tf.constant(new int[] {-1, -1, -1, -1}));
    }

    @Override
    public Operand<TFloat32> zeros(Operand<TFloat32> like, int channels, int stride) {
        requireRank(like, 4, "zeros");
        int height = ceilDivide(staticDimension(like, HEIGHT_AXIS), stride);
        int width = ceilDivide(staticDimension(like, WIDTH_AXIS), stride);
        Operand<TInt32> batch =
                tf.slice(tf.shape(like), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> shape =
                tf.concat(
                        List.of(batch, tf.constant(new int[] {height, width, channels})),
                        tf.constant(0));
        return tf.zeros(shape, TFloat32.class);
    }

    @Override
    public Operand<TFloat32> flatten(Operand<TFloat32> input) {
        int rank = rank(input);
        if (rank == 2) {
            return input;
        }
        Operand<TFloat32> rowMajor = toDjlLayout(input);
        long features = 1;
        for (int axis = 1; axis < rank; axis++) {
            features = Math.multiplyExact(features, staticDimension(rowMajor, axis));
        }
        return tf.reshape(rowMajor, tf.constant(new long[] {-1, features}));
    }

    @Override
    public Operand<TFloat32> linear(
            Operand<TFloat32> input, HostTensor weight, @Nullable HostTensor bias) {
        requireRank(input, 2, "linear");
        if (weight.shape().length != 2 || weight.dimension(1) != staticDimension(input, 1)) {
            throw new IllegalArgumentException(
                    "linear weight of shape "
                            + Arrays.toString(weight.shape())
                            + " does not fit an input of "
                            + staticDimension(input, 1)
                            + " features");
        }
        Operand<TFloat32> product =
                tf.linalg.matMul(input, constant(weight), MatMul.transposeB(true));
        return bias == null ? product : tf.nn.biasAdd(product, vector(bias.data()));
    }

    private Operand<TFloat32> convolve(
            Operand<TFloat32> input, HostTensor weight, List<Long> strides, List<Long> dilations) {
        return tf.nn.conv2d(
                input, constant(toHwio(weight)), strides, "VALID", Conv2d.dilations(dilations));
    }

    /**
     * Runs each group as its own convolution over its slice of the input channels and concatenates
     * the results: groups are contiguous along the channels in both DJL and TensorFlow.
     */
    private Operand<TFloat32> groupedConvolution(
            Operand<TFloat32> input,
            HostTensor weight,
            int groups,
            List<Long> strides,
            List<Long> dilations) {
        List<Output<TFloat32>> inputSlices =
                tf.split(tf.constant(CHANNEL_AXIS), input, (long) groups).output();
        List<Operand<TFloat32>> outputs = new ArrayList<>(groups);
        int groupOut = weight.dimension(0) / groups;
        for (int group = 0; group < groups; group++) {
            HostTensor groupWeight = outputSlice(weight, group * groupOut, groupOut);
            outputs.add(convolve(inputSlices.get(group), groupWeight, strides, dilations));
        }
        return tf.concat(outputs, tf.constant(CHANNEL_AXIS));
    }

    /**
     * Turns a depthwise kernel {@code (C·m, 1, kH, kW)} into TensorFlow's {@code (kH, kW, C, m)}:
     * output channel {@code c·m + k} is filter {@code [·, ·, c, k]} in both runtimes.
     */
    private Operand<TFloat32> depthwiseKernel(HostTensor weight, int channels) {
        HostTensor hwio = toHwio(weight);
        long multiplier = weight.dimension(0) / channels;
        return tf.constant(
                Shape.of(hwio.shape()[0], hwio.shape()[1], channels, multiplier),
                DataBuffers.of(hwio.data(), true, false));
    }

    private Operand<TFloat32> padSpatially(
            Operand<TFloat32> input, int height, int width, Operand<TFloat32> value) {
        if (height == 0 && width == 0) {
            return input;
        }
        return tf.pad(
                input,
                tf.constant(new int[][] {{0, 0}, {height, height}, {width, width}, {0, 0}}),
                value);
    }

    /**
     * Returns the factor, per output position, that turns a mean over the whole (padded) window
     * into a mean over the positions inside the image: window size over covered positions.
     */
    private Operand<TFloat32> paddingCorrection(
            int height, int width, int kernel, int stride, int padding) {
        int[] rows = coverage(height, kernel, stride, padding);
        int[] columns = coverage(width, kernel, stride, padding);
        float[] factors = new float[rows.length * columns.length];
        float windowSize = (float) kernel * kernel;
        for (int row = 0; row < rows.length; row++) {
            for (int column = 0; column < columns.length; column++) {
                factors[row * columns.length + column] = windowSize / (rows[row] * columns[column]);
            }
        }
        return tf.constant(
                Shape.of(1, rows.length, columns.length, 1), DataBuffers.of(factors, true, false));
    }

    /** Counts, for each output position along one axis, the window positions inside the image. */
    private static int[] coverage(int size, int kernel, int stride, int padding) {
        int outputs = (size + 2 * padding - kernel) / stride + 1;
        int[] covered = new int[outputs];
        for (int position = 0; position < outputs; position++) {
            int start = position * stride - padding;
            int end = start + kernel;
            covered[position] = Math.min(end, size) - Math.max(start, 0);
        }
        return covered;
    }

    private Operand<TFloat32> vector(float[] values) {
        return tf.constant(values);
    }

    private Operand<TFloat32> constant(HostTensor tensor) {
        return tf.constant(Shape.of(tensor.shape()), DataBuffers.of(tensor.data(), true, false));
    }

    /**
     * Reorders a kernel from DJL's {@code (O, I, kH, kW)} to TensorFlow's {@code (kH, kW, I, O)}.
     */
    private static HostTensor toHwio(HostTensor weight) {
        int out = weight.dimension(0);
        int in = weight.dimension(1);
        int kernelHeight = weight.dimension(2);
        int kernelWidth = weight.dimension(3);
        float[] source = weight.data();
        float[] target = new float[source.length];
        int index = 0;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int h = 0; h < kernelHeight; h++) {
                    for (int w = 0; w < kernelWidth; w++) {
                        target[((h * kernelWidth + w) * in + i) * out + o] = source[index++];
                    }
                }
            }
        }
        return new HostTensor(target, new long[] {kernelHeight, kernelWidth, in, out});
    }

    /** Returns {@code count} consecutive entries of axis 0, starting at {@code first}. */
    private static HostTensor outputSlice(HostTensor tensor, int first, int count) {
        int rowSize = tensor.data().length / tensor.dimension(0);
        float[] data =
                Arrays.copyOfRange(tensor.data(), first * rowSize, (first + count) * rowSize);
        long[] shape = tensor.shape().clone();
        shape[0] = count;
        return new HostTensor(data, shape);
    }

    private static List<Long> spatial(int[] values) {
        return List.of(1L, (long) values[0], (long) values[1], 1L);
    }

    private static int ceilDivide(long size, int divisor) {
        return Math.toIntExact((size + divisor - 1) / divisor);
    }

    private static int rank(Operand<TFloat32> value) {
        return value.shape().numDimensions();
    }

    private static void requireRank(Operand<TFloat32> value, int rank, String operation) {
        if (rank(value) != rank) {
            throw new IllegalArgumentException(
                    operation + " takes a tensor of rank " + rank + " but got " + value.shape());
        }
    }

    private static long staticDimension(Operand<TFloat32> value, int axis) {
        long size = value.shape().get(axis);
        if (size < 0) {
            throw new IllegalArgumentException(
                    "axis "
                            + axis
                            + " of "
                            + value.shape()
                            + " has no static size; export with a fixed image shape");
        }
        return size;
    }
}
