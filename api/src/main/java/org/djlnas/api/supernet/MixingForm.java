package org.djlnas.api.supernet;

/**
 * How a {@link MixedOp} computes {@code Σ softmax(α)ᵢ · opᵢ(x)}: the same sum (up to float
 * rounding) and the same gradients, through different engine operations. Which costs less time or
 * memory depends on the engine ({@link org.djlnas.api.engine.EngineSupport#mixingForm()}).
 */
public enum MixingForm {
    /**
     * One multiplication and one addition per candidate: about 2K operations on full-size arrays.
     */
    LOOPED,
    /**
     * The K candidate outputs stacked into one array, multiplied at once by the mixing weights
     * reshaped to {@code K×1×…×1} and summed over the stack: a handful of large operations (MXNet's
     * choice: it peaks lower there).
     */
    STACKED
}
