package org.djlnas.spaces.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * Dilated convolutions whose stride equals their dilation, computed as what they are: an undilated
 * convolution of stride 1 over every {@code d}-th pixel.
 *
 * <p>With stride and dilation {@code d} and a padding divisible by {@code d}, output pixel {@code
 * i} reads input pixels {@code d·i + d·j − p}, all multiples of {@code d}: it is an undilated
 * convolution with padding {@code p/d} of the input subsampled by {@code d}, to the same output
 * size for any input size. DARTS's {@code dil_conv_3x3} and {@code dil_conv_5x5} in a reduction
 * cell are of this kind (stride 2, dilation 2, padding 2 and 4). The engine then works on a quarter
 * of the pixels, and PyTorch's oneDNN runs the backward-data pass on its depthwise kernel instead
 * of the general matrix-multiply path it takes for dilated ones: 35–55% less CPU time per forward
 * and backward pass of the shapes of the benchmarked DARTS network (docs/benchmarks.md, "Dilated
 * convolutions of stride 2, and the training step against PyTorch again").
 */
public final class StridedDilation {

    private StridedDilation() {}

    /**
     * Tells whether a convolution is computed by subsampling: stride equal to dilation above 1 and
     * a padding divisible by it, on each axis.
     *
     * @param stride the stride
     * @param padding the padding on each side
     * @param dilation the dilation
     * @return whether {@link Conv2d} computes it by subsampling
     */
    public static boolean applies(int stride, int padding, int dilation) {
        return dilation > 1 && stride == dilation && padding % dilation == 0;
    }

    /**
     * DJL's 2-D convolution, with the same parameters, metadata, saved form and export (it is a
     * {@link ai.djl.nn.convolutional.Conv2d}), whose forward pass subsamples when {@link #applies}.
     * Its simple name is DJL's so that a {@code SequentialBlock} keys it as before ({@code
     * 02Conv2d}): parameter names, which meta-start folders store, do not change.
     */
    public static final class Conv2d extends ai.djl.nn.convolutional.Conv2d {

        /**
         * Creates the convolution.
         *
         * @param builder DJL's builder, with the kernel, stride, padding, dilation and groups
         */
        public Conv2d(ai.djl.nn.convolutional.Conv2d.Builder builder) {
            super(builder);
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore parameterStore,
                NDList inputs,
                boolean training,
                @Nullable PairList<String, Object> params) {
            long[] strides = stride.getShape();
            long[] pads = padding.getShape();
            long[] dilations = dilation.getShape();
            for (int axis = 0; axis < 2; axis++) {
                if (!applies(
                        Math.toIntExact(strides[axis]),
                        Math.toIntExact(pads[axis]),
                        Math.toIntExact(dilations[axis]))) {
                    return super.forwardInternal(parameterStore, inputs, training, params);
                }
            }
            NDArray input = inputs.singletonOrThrow();
            Device device = input.getDevice();
            NDArray weights = parameterStore.getValue(weight, device, training);
            NDArray biases = bias == null ? null : parameterStore.getValue(bias, device, training);
            Shape shape = input.getShape();
            NDArray sampled =
                    input.get(
                            new NDIndex()
                                    .addAllDim(2)
                                    .addSliceDim(0, shape.get(2), strides[0])
                                    .addSliceDim(0, shape.get(3), strides[1]));
            return conv2d(
                    sampled,
                    weights,
                    biases,
                    new Shape(1, 1),
                    new Shape(pads[0] / dilations[0], pads[1] / dilations[1]),
                    new Shape(1, 1),
                    groups);
        }
    }
}
