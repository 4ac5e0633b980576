package org.djlnas.examples.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * A 3×3 convolution with batch normalisation and ReLU, followed by squeeze-and-excitation (Hu et
 * al., "Squeeze-and-Excitation Networks", CVPR 2018): each channel's mean over the image passes
 * through a bottleneck of two linear layers, and the sigmoid of the result scales that channel.
 *
 * <p>{@code (N, C_in, H, W) → (N, channels, H / stride, W / stride)}; the input channels are
 * inferred when the block is initialized.
 */
final class SqueezeExcitationConv extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block convolution;
    private final Block normalisation;
    private final Block squeeze;
    private final Block excite;
    private final int channels;
    private final int hidden;

    /**
     * Creates the block.
     *
     * @param channels the output channels
     * @param stride the stride, 1 or 2
     * @param affine whether batch normalisation learns a scale and a shift
     * @param reduction how much narrower the bottleneck is than {@code channels}
     */
    SqueezeExcitationConv(int channels, int stride, boolean affine, int reduction) {
        super(VERSION);
        this.channels = channels;
        this.hidden = Math.max(1, channels / reduction);
        convolution =
                addChildBlock(
                        "convolution",
                        Conv2d.builder()
                                .setFilters(channels)
                                .setKernelShape(new Shape(3, 3))
                                .optStride(new Shape(stride, stride))
                                .optPadding(new Shape(1, 1))
                                .optBias(false)
                                .build());
        normalisation =
                addChildBlock(
                        "normalisation",
                        BatchNorm.builder().optCenter(affine).optScale(affine).build());
        squeeze = addChildBlock("squeeze", Linear.builder().setUnits(hidden).build());
        excite = addChildBlock("excite", Linear.builder().setUnits(channels).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            @Nullable PairList<String, Object> params) {
        NDList features = convolution.forward(parameterStore, inputs, training);
        features = normalisation.forward(parameterStore, features, training);
        NDArray activated = Activation.relu(features.singletonOrThrow());
        NDArray means = Pool.globalAvgPool2d(activated);
        NDArray bottleneck =
                Activation.relu(
                        squeeze.forward(parameterStore, new NDList(means), training)
                                .singletonOrThrow());
        NDArray gates =
                Activation.sigmoid(
                        excite.forward(parameterStore, new NDList(bottleneck), training)
                                .singletonOrThrow());
        return new NDList(activated.mul(gates.expandDims(2).expandDims(3)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return convolution.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        convolution.initialize(manager, dataType, inputShapes);
        Shape features = convolution.getOutputShapes(inputShapes)[0];
        normalisation.initialize(manager, dataType, features);
        long batch = features.get(0);
        squeeze.initialize(manager, dataType, new Shape(batch, channels));
        excite.initialize(manager, dataType, new Shape(batch, hidden));
    }

    @Override
    public String toString() {
        return "SqueezeExcitationConv(channels=" + channels + ", hidden=" + hidden + ")";
    }
}
