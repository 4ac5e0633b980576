package org.djlnas.api.export;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds an inference graph in another runtime, one operation at a time. Tensors follow DJL's
 * layout throughout: images are {@code (N, C, H, W)}, convolution weights {@code (out, in/groups,
 * kH, kW)}, linear weights {@code (units, in)}; an implementation whose runtime prefers another
 * layout converts inside these methods, so callers never see it.
 *
 * <p>Implementations are single use: one builder builds one graph.
 *
 * @param <T> the runtime's handle for a tensor in the graph
 */
public interface GraphBuilder<T> {

    /**
     * Adds a 2-D convolution with symmetric zero padding.
     *
     * @param input the input, {@code (N, C, H, W)}
     * @param weight the kernel, {@code (out, C/groups, kH, kW)}
     * @param bias the bias, {@code (out)}, or null for none
     * @param stride the stride along H and W
     * @param padding the zero padding on each side along H and W
     * @param dilation the dilation along H and W
     * @param groups the number of groups ({@code C} for a depthwise convolution)
     * @return the output, {@code (N, out, H', W')}
     */
    T conv2d(
            T input,
            HostTensor weight,
            @Nullable HostTensor bias,
            int[] stride,
            int[] padding,
            int[] dilation,
            int groups);

    /**
     * Adds a per-channel affine map {@code y = x·scale[c] + shift[c]}: batch normalisation at
     * inference, folded.
     *
     * @param input the input, with channels on axis 1
     * @param scale one factor per channel
     * @param shift one offset per channel
     * @return the output, of the input's shape
     */
    T scaleShift(T input, float[] scale, float[] shift);

    /**
     * Adds a rectified linear unit.
     *
     * @param input the input
     * @return {@code max(input, 0)}
     */
    T relu(T input);

    /**
     * Adds a rectified linear unit capped at 6 (MobileNetV2's activation). A runtime without it
     * keeps this default, which refuses: networks that use it then cannot be exported there.
     *
     * @param input the input
     * @return {@code min(max(input, 0), 6)}, element-wise
     * @throws UnsupportedOperationException if the runtime does not support it
     */
    default T relu6(T input) {
        throw new UnsupportedOperationException(
                "this export target has no relu6 operation (MobileNet-style networks use it)");
    }

    /**
     * Multiplies each channel of an image by its own factor per example: the gate of
     * squeeze-and-excitation. A runtime without it keeps this default, which refuses: networks that
     * use it then cannot be exported there.
     *
     * @param input the image, {@code (N, C, H, W)}
     * @param factors the factors, {@code (N, C)}
     * @return {@code input[n, c, h, w] · factors[n, c]}, of the input's shape
     * @throws UnsupportedOperationException if the runtime does not support it
     */
    default T scaleChannels(T input, T factors) {
        throw new UnsupportedOperationException(
                "this export target has no per-channel scaling by a tensor"
                        + " (squeeze-and-excitation uses it)");
    }

    /**
     * Adds the hyperbolic tangent.
     *
     * @param input the input
     * @return {@code tanh(input)}, element-wise
     */
    T tanh(T input);

    /**
     * Adds the logistic sigmoid.
     *
     * @param input the input
     * @return {@code 1 / (1 + exp(-input))}, element-wise
     */
    T sigmoid(T input);

    /**
     * Adds the Gaussian error linear unit in its exact form, the one DJL's {@code Activation.gelu}
     * computes on PyTorch ({@code torch.nn.functional.gelu} with {@code approximate='none'}): not
     * the tanh approximation, which differs by up to about 5e-4.
     *
     * @param input the input
     * @return {@code input · Φ(input) = input / 2 · (1 + erf(input / √2))}, element-wise
     */
    T gelu(T input);

    /**
     * Adds square 2-D max pooling; padded positions never win.
     *
     * @param input the input, {@code (N, C, H, W)}
     * @param kernel the window size
     * @param stride the stride
     * @param padding the padding on each side
     * @return the output
     */
    T maxPool(T input, int kernel, int stride, int padding);

    /**
     * Adds square 2-D average pooling that averages only positions inside the image (PyTorch's
     * {@code count_include_pad=False}).
     *
     * @param input the input, {@code (N, C, H, W)}
     * @param kernel the window size
     * @param stride the stride
     * @param padding the padding on each side
     * @return the output
     */
    T averagePool(T input, int kernel, int stride, int padding);

    /**
     * Adds a global average over H and W.
     *
     * @param input the input, {@code (N, C, H, W)}
     * @return the output, {@code (N, C)}
     */
    T globalAveragePool(T input);

    /**
     * Adds element-wise addition of two tensors of one shape.
     *
     * @param left a tensor
     * @param right a tensor of the same shape
     * @return their sum
     */
    T add(T left, T right);

    /**
     * Adds concatenation along the channel axis (axis 1).
     *
     * @param inputs two or more tensors that differ only in their channels
     * @return the concatenation
     */
    T concatChannels(List<T> inputs);

    /**
     * Adds zero padding at the bottom and right of an image.
     *
     * @param input the input, {@code (N, C, H, W)}
     * @param bottom the rows added at the bottom
     * @param right the columns added at the right
     * @return the output, {@code (N, C, H + bottom, W + right)}
     */
    T padBottomRight(T input, int bottom, int right);

    /**
     * Adds removal of the first rows and columns of an image.
     *
     * @param input the input, {@code (N, C, H, W)}
     * @param top the rows removed at the top
     * @param left the columns removed at the left
     * @return the output, {@code (N, C, H - top, W - left)}
     */
    T cropTopLeft(T input, int top, int left);

    /**
     * Adds a tensor of zeros shaped after an image: the batch size of {@code like}, the given
     * channels, and its height and width divided by the stride, rounded up.
     *
     * @param like an image, {@code (N, C, H, W)}
     * @param channels the channels of the zeros
     * @param stride the spatial stride
     * @return zeros, {@code (N, channels, ⌈H/stride⌉, ⌈W/stride⌉)}
     */
    T zeros(T like, int channels, int stride);

    /**
     * Adds flattening of every axis but the batch axis, in DJL's row-major order over {@code (C, H,
     * W)}.
     *
     * @param input the input
     * @return the output, {@code (N, C·H·W)}
     */
    T flatten(T input);

    /**
     * Adds a fully connected layer {@code y = x·Wᵀ + b}.
     *
     * @param input the input, {@code (N, in)}
     * @param weight the weight, {@code (units, in)}
     * @param bias the bias, {@code (units)}, or null for none
     * @return the output, {@code (N, units)}
     */
    T linear(T input, HostTensor weight, @Nullable HostTensor bias);
}
