package org.djlnas.api.op;

/**
 * What an operation needs to know to build its block.
 *
 * @param channels the number of output channels (input channels are inferred when the block is
 *     initialized; operations that cannot change the channel count expect them to match)
 * @param stride the spatial stride, 1 or 2
 * @param affine whether batch normalisation inside the operation learns a scale and a shift
 */
public record OpContext(int channels, int stride, boolean affine) {

    /** Validates the fields. */
    public OpContext {
        if (channels < 1) {
            throw new IllegalArgumentException("channels is " + channels + "; expected >= 1");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride is " + stride + "; expected >= 1");
        }
    }
}
