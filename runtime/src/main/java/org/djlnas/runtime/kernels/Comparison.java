package org.djlnas.runtime.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.function.UnaryOperator;

/**
 * Compares single-precision results with their double-precision reference, array by array.
 *
 * <p>The relative error of an array is the size of its difference from the reference over the size
 * of the reference: one scale per array, so that a gradient that is wrong where it is small still
 * counts against the gradient as a whole. That scale is at least a thousandth of the size of the
 * largest of the results compared together ({@link #SCALE_FLOOR}): some gradients of a network are
 * zero but for rounding (a bias followed by batch normalization), and rounding noise over rounding
 * noise is no measure. A result that is not finite has an infinite error.
 */
final class Comparison {

    /** The smallest scale of an array, as a fraction of the size of the largest result. */
    static final double SCALE_FLOOR = 1e-3;

    /** How the size of an array is measured. */
    enum Norm {
        /**
         * The largest absolute value: for single operators, whose inputs are exactly the same in
         * both precisions, so every element must agree.
         */
        LARGEST,
        /**
         * The Euclidean norm: for whole networks, where a rounding difference can flip a ReLU or a
         * max-pooling choice near a tie and so move one element by a whole term; over the whole
         * array that is a small error, while a wrong kernel errs everywhere.
         */
        EUCLIDEAN
    }

    private final UnaryOperator<NDArray> singleResults;

    /**
     * Creates a comparison.
     *
     * @param singleResults applied to every single-precision result before it is compared: the
     *     identity, except in the tests that inject a fault
     */
    Comparison(UnaryOperator<NDArray> singleResults) {
        this.singleResults = singleResults;
    }

    /**
     * Returns the worst relative error over pairs of arrays.
     *
     * @param single the single-precision results
     * @param reference the double-precision results, in the same order
     * @param norm how sizes are measured
     * @return the worst relative error, infinite if a result is not finite
     */
    double worst(NDList single, NDList reference, Norm norm) {
        if (single.size() != reference.size()) {
            throw new IllegalStateException(
                    single.size() + " results against " + reference.size() + " references");
        }
        double largest = 0;
        for (NDArray r : reference) {
            largest = Math.max(largest, size(r, norm));
        }
        double worst = 0;
        for (int i = 0; i < single.size(); i++) {
            worst =
                    Math.max(
                            worst,
                            relativeError(
                                    singleResults.apply(single.get(i)),
                                    reference.get(i),
                                    norm,
                                    SCALE_FLOOR * largest));
        }
        return worst;
    }

    /**
     * Returns the relative error of one array.
     *
     * @param single the single-precision result
     * @param reference the double-precision result of the same shape
     * @param norm how sizes are measured
     * @param floor the smallest scale
     * @return the size of the difference over the size of the reference (or the floor, if larger);
     *     infinite if the result is not finite, or differs from a zero reference
     */
    static double relativeError(NDArray single, NDArray reference, Norm norm, double floor) {
        if (!single.getShape().equals(reference.getShape())) {
            throw new IllegalStateException(
                    "shape " + single.getShape() + " against " + reference.getShape());
        }
        try (NDArray wide = single.toType(DataType.FLOAT64, true);
                NDArray difference = wide.sub(reference)) {
            double error = size(difference, norm);
            double scale = Math.max(size(reference, norm), floor);
            if (!Double.isFinite(error)) {
                return Double.POSITIVE_INFINITY;
            }
            if (scale == 0) {
                return error == 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            return error / scale;
        }
    }

    private static double size(NDArray array, Norm norm) {
        if (norm == Norm.LARGEST) {
            try (NDArray magnitude = array.abs();
                    NDArray largest = magnitude.max()) {
                return largest.getDouble();
            }
        }
        try (NDArray squares = array.mul(array);
                NDArray sum = squares.sum()) {
            return Math.sqrt(sum.getDouble());
        }
    }
}
