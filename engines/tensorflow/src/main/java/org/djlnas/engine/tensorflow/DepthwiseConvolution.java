package org.djlnas.engine.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TFloat32;

/**
 * Builds a depthwise convolution, dilated or not, out of {@code DepthwiseConv2dNative} without
 * dilations, so that every TensorFlow CPU kernel runs it.
 *
 * <p>TensorFlow's oneDNN kernel for {@code DepthwiseConv2dNative} accepts dilations and unequal
 * strides along H and W, but its own (Eigen) kernel, the one it runs on CPUs where it leaves oneDNN
 * off (AVX2-only ones, or with {@code TF_ENABLE_ONEDNN_OPTS=0}), refuses both. A dilated
 * convolution is therefore rewritten per spatial axis, with the same results:
 *
 * <ul>
 *   <li>where the stride is a multiple of the dilation (DARTS's reduction cells: both 2), every
 *       kernel tap reads a row or column whose index is a multiple of the dilation: those are kept
 *       (a strided slice) and convolved undilated with the stride divided by the dilation;
 *   <li>any other dilation goes through space-to-batch, as TensorFlow's own {@code
 *       depthwise_conv2d} does: the input, padded at its end to a multiple of the dilation, is
 *       split into one batch entry per phase (position modulo the dilation), each is convolved
 *       undilated with stride 1, batch-to-space interleaves the phases back and crops what the end
 *       padding added; a stride above 1 then keeps every stride-th output.
 * </ul>
 *
 * <p>Unequal strides convolve with stride 1 and keep every stride-th output.
 *
 * <p>The input must be padded already (the convolution itself is {@code VALID}) and have static
 * height and width.
 */
final class DepthwiseConvolution {

    private static final int AXES = 2;
    private static final long ALL_AXES = 0b1111;

    private final Ops tf;

    /**
     * Creates a builder of depthwise convolutions.
     *
     * @param tf the operations' entry point, bound to a graph
     */
    DepthwiseConvolution(Ops tf) {
        this.tf = tf;
    }

    /**
     * Convolves each channel of a padded {@code (N, H, W, C)} image with its own kernel(s).
     *
     * @param padded the explicitly padded input, with static height and width
     * @param kernel the kernel in TensorFlow's layout, {@code (kH, kW, C, multiplier)}
     * @param stride the stride along H and W
     * @param dilation the dilation along H and W
     * @return the output, {@code (N, H', W', C·multiplier)}
     */
    Operand<TFloat32> build(
            Operand<TFloat32> padded, Operand<TFloat32> kernel, int[] stride, int[] dilation) {
        int[] remainingStride = stride.clone();
        int[] remainingDilation = dilation.clone();
        int[] inputStep = {1, 1};
        for (int axis = 0; axis < AXES; axis++) {
            if (dilation[axis] > 1 && stride[axis] % dilation[axis] == 0) {
                inputStep[axis] = dilation[axis];
                remainingStride[axis] = stride[axis] / dilation[axis];
                remainingDilation[axis] = 1;
            }
        }
        Operand<TFloat32> input = everyNth(padded, inputStep);
        if (remainingDilation[0] == 1 && remainingDilation[1] == 1) {
            return undilated(input, kernel, remainingStride);
        }
        return spaceToBatch(input, kernel, remainingStride, remainingDilation);
    }

    /**
     * Convolves with dilation through space-to-batch: each phase of the dilation is a batch entry
     * convolved undilated. Axes of dilation 1 keep their stride in the convolution; the others are
     * convolved with stride 1 and subsampled afterwards.
     */
    private Operand<TFloat32> spaceToBatch(
            Operand<TFloat32> input, Operand<TFloat32> kernel, int[] stride, int[] dilation) {
        int[] convolutionStride = new int[AXES];
        int[] outputStep = new int[AXES];
        int[][] endPadding = new int[AXES][];
        for (int axis = 0; axis < AXES; axis++) {
            boolean dilated = dilation[axis] > 1;
            convolutionStride[axis] = dilated ? 1 : stride[axis];
            outputStep[axis] = dilated ? stride[axis] : 1;
            int size = Math.toIntExact(input.shape().get(axis + 1));
            int roundedUp = (size + dilation[axis] - 1) / dilation[axis] * dilation[axis];
            // The end padding only reaches outputs past the dilated convolution's last one, which
            // the same amount of cropping removes again.
            endPadding[axis] = new int[] {0, roundedUp - size};
        }
        Operand<TFloat32> phases =
                tf.spaceToBatchNd(input, tf.constant(dilation), tf.constant(endPadding));
        Operand<TFloat32> convolved = undilated(phases, kernel, convolutionStride);
        Operand<TFloat32> interleaved =
                tf.batchToSpaceNd(convolved, tf.constant(dilation), tf.constant(endPadding));
        return everyNth(interleaved, outputStep);
    }

    /**
     * Convolves undilated. TensorFlow's own kernel also takes only equal strides along H and W, so
     * unequal ones convolve with stride 1 and keep every stride-th output.
     */
    private Operand<TFloat32> undilated(
            Operand<TFloat32> input, Operand<TFloat32> kernel, int[] stride) {
        boolean equal = stride[0] == stride[1];
        long convolutionStride = equal ? stride[0] : 1;
        Operand<TFloat32> output =
                tf.nn.depthwiseConv2dNative(
                        input,
                        kernel,
                        List.of(1L, convolutionStride, convolutionStride, 1L),
                        "VALID");
        return equal ? output : everyNth(output, stride);
    }

    /**
     * Keeps every {@code step[0]}-th row and {@code step[1]}-th column, starting with the first.
     */
    private Operand<TFloat32> everyNth(Operand<TFloat32> image, int[] step) {
        if (step[0] == 1 && step[1] == 1) {
            return image;
        }
        return tf.stridedSlice(
                image,
                tf.constant(new int[] {0, 0, 0, 0}),
                tf.constant(new int[] {0, 0, 0, 0}),
                tf.constant(new int[] {1, step[0], step[1], 1}),
                StridedSlice.beginMask(ALL_AXES),
                StridedSlice.endMask(ALL_AXES));
    }
}
