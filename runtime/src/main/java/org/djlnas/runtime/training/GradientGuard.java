package org.djlnas.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import java.util.List;

/**
 * Checks and clears the gradients of trainable parameters after a backward pass.
 *
 * <p>Both run once per training step, so they leave nothing behind: {@code getGradient()} returns a
 * new handle to the gradient on every engine (PyTorch and MXNet alike), attached to the parameter's
 * manager, which lives as long as the trial. Each call therefore works in a scratch manager that
 * takes the handles and everything computed from them, and closes it: closing a handle frees the
 * handle, not the gradient.
 */
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
        if (parameters.isEmpty()) {
            return true;
        }
        try (NDManager scratch = scratchManager(parameters)) {
            NDArray total = null;
            for (Parameter parameter : parameters) {
                NDArray sum = gradientIn(scratch, parameter).sum();
                total = total == null ? sum : total.add(sum);
            }
            return Float.isFinite(total.getFloat());
        }
    }

    /**
     * Sets every gradient to zero. Assigns zeros rather than subtracting a gradient from itself,
     * which leaves NaN in place.
     *
     * @param parameters the trainable parameters
     */
    static void clear(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        try (NDManager scratch = scratchManager(parameters)) {
            for (Parameter parameter : parameters) {
                gradientIn(scratch, parameter).set(EVERYTHING, 0);
            }
        }
    }

    /**
     * Returns the parameters of the trainer's block that get gradients.
     *
     * @param trainer the trainer
     * @return its trainable parameters
     */
    static List<Parameter> trainable(Trainer trainer) {
        return trainer.getModel().getBlock().getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .toList();
    }

    private static NDManager scratchManager(List<Parameter> parameters) {
        return parameters.get(0).getArray().getManager().newSubManager();
    }

    private static NDArray gradientIn(NDManager scratch, Parameter parameter) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.attach(scratch);
        return gradient;
    }
}
