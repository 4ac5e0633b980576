package org.djlnas.spaces.ops;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** Builders of the plain layers that operations are made of. */
public final class Layers {

    private static final float BATCH_NORM_EPSILON = 1e-5f;

    /** DJL's momentum keeps this much of the running statistics (PyTorch's 0.1 update). */
    private static final float BATCH_NORM_MOMENTUM = 0.9f;

    private Layers() {}

    /**
     * A square 2-D convolution without bias. One whose stride equals its dilation is computed by
     * subsampling ({@link StridedDilation}), with the same parameters and results.
     *
     * @param filters the output channels
     * @param kernel the kernel size
     * @param stride the stride
     * @param padding the padding on each side
     * @param dilation the dilation
     * @param groups the number of groups (the input channels for a depthwise convolution)
     * @return the block
     */
    public static Block conv(
            int filters, int kernel, int stride, int padding, int dilation, int groups) {
        Conv2d.Builder builder =
                Conv2d.builder()
                        .setFilters(filters)
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optPadding(new Shape(padding, padding))
                        .optDilation(new Shape(dilation, dilation))
                        .optGroups(groups)
                        .optBias(false);
        return StridedDilation.applies(stride, padding, dilation)
                ? new StridedDilation.Conv2d(builder)
                : builder.build();
    }

    /**
     * Batch normalisation over channels, with PyTorch's defaults.
     *
     * @param affine whether it learns a scale and a shift
     * @return the block
     */
    public static Block batchNorm(boolean affine) {
        return BatchNorm.builder()
                .optEpsilon(BATCH_NORM_EPSILON)
                .optMomentum(BATCH_NORM_MOMENTUM)
                .optCenter(affine)
                .optScale(affine)
                .build();
    }

    /**
     * ReLU, convolution without bias, batch normalisation.
     *
     * @param channels the output channels
     * @param kernel the kernel size
     * @param stride the stride
     * @param padding the padding on each side
     * @param dilation the dilation
     * @param affine whether the normalisation learns scale and shift
     * @return the block
     */
    public static Block reluConvBn(
            int channels, int kernel, int stride, int padding, int dilation, boolean affine) {
        return new SequentialBlock()
                .add(new Relu())
                .add(conv(channels, kernel, stride, padding, dilation, 1))
                .add(batchNorm(affine));
    }

    /**
     * DARTS's dilated separable convolution: ReLU, depthwise dilated convolution, pointwise
     * convolution, batch normalisation. The input must have {@code channels} channels.
     *
     * @param channels the input and output channels
     * @param kernel the kernel size
     * @param stride the stride
     * @param padding the padding on each side
     * @param dilation the dilation
     * @param affine whether the normalisation learns scale and shift
     * @return the block
     */
    public static Block dilConv(
            int channels, int kernel, int stride, int padding, int dilation, boolean affine) {
        return new SequentialBlock()
                .add(new Relu())
                .add(conv(channels, kernel, stride, padding, dilation, channels))
                .add(conv(channels, 1, 1, 0, 1, 1))
                .add(batchNorm(affine));
    }

    /**
     * DARTS's separable convolution: two dilated separable convolutions of dilation 1, the first
     * with the stride.
     *
     * @param channels the input and output channels
     * @param kernel the kernel size
     * @param stride the stride
     * @param affine whether the normalisations learn scale and shift
     * @return the block
     */
    public static Block sepConv(int channels, int kernel, int stride, boolean affine) {
        int padding = kernel / 2;
        return new SequentialBlock()
                .add(dilConv(channels, kernel, stride, padding, 1, affine))
                .add(dilConv(channels, kernel, 1, padding, 1, affine));
    }
}
