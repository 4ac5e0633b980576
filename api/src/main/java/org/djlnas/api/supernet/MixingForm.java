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
     * reshaped to {@code K×1×…×1} and summed over the stack: a handful of large operations (it
     * peaks lower than the loop on MXNet).
     */
    STACKED,
    /**
     * The K candidate outputs stacked into a {@code K×M} matrix and multiplied by the {@code 1×K}
     * row of mixing weights: one matrix product, forward and backward, where the other forms
     * broadcast and reduce (MXNet's choice: its broadcasting kernels are slow, its matrix products
     * are not).
     */
    MATRIX_PRODUCT
}
