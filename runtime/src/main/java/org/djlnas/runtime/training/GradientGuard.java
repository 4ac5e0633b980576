package org.djlnas.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.List;

/** Checks and clears the gradients of trainable parameters after a backward pass. */
final class GradientGuard {

    private static final NDIndex EVERYTHING = new NDIndex("...");

    private GradientGuard() {}

    /**
     * Tells whether every gradient is finite, with one transfer from the engine: the sum of all
     * gradient sums is finite exactly when no element is NaN or infinite (barring overflow).
     *
     * @param parameters the trainable parameters
     * @return true if every gradient element is finite
     */
    static boolean allFinite(List<Parameter> parameters) {
        NDArray total = null;
        for (Parameter parameter : parameters) {
            NDArray sum = parameter.getArray().getGradient().sum();
            total = total == null ? sum : total.add(sum);
        }
        return total == null || Float.isFinite(total.getFloat());
    }

    /**
     * Sets every gradient to zero. Assigns zeros rather than subtracting a gradient from itself,
     * which leaves NaN in place.
     *
     * @param parameters the trainable parameters
     */
    static void clear(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            parameter.getArray().getGradient().set(EVERYTHING, 0);
        }
    }
}
