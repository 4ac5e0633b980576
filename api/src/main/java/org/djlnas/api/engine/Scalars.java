package org.djlnas.api.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars as engine-made arrays, for arithmetic that the gradient tape records. DJL 0.36.0's
 * PyTorch engine wraps the Java number of {@code x.mul(2.5f)}, {@code x.div(t)}, {@code
 * x.minimum(6)} and the like in a tensor over a Java direct buffer that it does not copy, then
 * closes it; autograd keeps that tensor for the backward pass, and once the garbage collector frees
 * the buffer the gradients are read from freed memory: wrong or NaN at random (docs/numerics.md).
 * {@code NDManager.full} makes the engine allocate and own the scalar, which stays valid for as
 * long as the tape needs it, whatever happens to the Java array.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Returns a scalar in the manager and data type of an array, for use as an operand of it.
     *
     * @param like the array the scalar is combined with
     * @param value the value
     * @return a zero-dimensional array the engine owns, attached to {@code like}'s manager
     */
    public static NDArray like(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
