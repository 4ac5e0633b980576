package org.djlnas.spaces.mobilenet;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import org.djlnas.spaces.ops.Layers;
import org.djlnas.spaces.ops.Relu6;
import org.djlnas.spaces.ops.Residual;
import org.djlnas.spaces.ops.SqueezeExcitation;

/**
 * MobileNetV2's inverted-residual block (MBConv in MnasNet): a 1×1 convolution expanding the input
 * channels by the expansion ratio, batch normalisation and ReLU6; a depthwise k×k convolution with
 * the block's stride, batch normalisation and ReLU6; optionally squeeze-and-excitation over the
 * expanded channels (squeezed to a quarter, rounded to a multiple of 8, as in Once-for-All); a 1×1
 * projection to the output channels and batch normalisation, with no activation. An identity
 * shortcut is added when the stride is 1 and the input and output channels are equal, the only case
 * in which the shapes match.
 *
 * @param inChannels the input channels
 * @param outChannels the output channels
 * @param kernel the depthwise kernel size (odd)
 * @param expansion the expansion ratio
 * @param squeezeExcitation whether to add squeeze-and-excitation
 * @param stride the depthwise convolution's stride
 */
record InvertedResidual(
        int inChannels,
        int outChannels,
        int kernel,
        int expansion,
        boolean squeezeExcitation,
        int stride) {

    /**
     * Tells whether the block gets an identity shortcut.
     *
     * @return true when the stride is 1 and the channels do not change
     */
    boolean residual() {
        return stride == 1 && inChannels == outChannels;
    }

    /**
     * Returns the expanded channels.
     *
     * @return input channels times the expansion ratio
     */
    int hidden() {
        return inChannels * expansion;
    }

    /**
     * Builds the block, uninitialised.
     *
     * @return the block, wrapped in a {@link Residual} when {@link #residual()}
     */
    Block build() {
        int hidden = hidden();
        SequentialBlock body =
                new SequentialBlock()
                        .add(Layers.conv(hidden, 1, 1, 0, 1, 1))
                        .add(Layers.batchNorm(true))
                        .add(new Relu6())
                        .add(Layers.conv(hidden, kernel, stride, kernel / 2, 1, hidden))
                        .add(Layers.batchNorm(true))
                        .add(new Relu6());
        if (squeezeExcitation) {
            body.add(new SqueezeExcitation(hidden, MobileNetSkeleton.divisible(hidden / 4.0)));
        }
        body.add(Layers.conv(outChannels, 1, 1, 0, 1, 1)).add(Layers.batchNorm(true));
        return residual() ? new Residual(body) : body;
    }
}
