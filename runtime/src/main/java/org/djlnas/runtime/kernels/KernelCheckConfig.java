package org.djlnas.runtime.kernels;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link KernelCheck} runs and how strictly it judges.
 *
 * @param engine the DJL engine whose kernels are checked
 * @param seed the seed of every random input and initial weight
 * @param tolerance the largest relative error an operator's output or gradient may have: its
 *     largest absolute difference from the double-precision result over the largest absolute value
 *     of that result
 * @param networkTolerance the largest relative error of a whole network's output and gradients, and
 *     of the short training's losses and gradients, measured with Euclidean norms: there a rounding
 *     difference can flip a ReLU or a max-pooling choice near a tie, which moves one element by a
 *     whole term
 * @param trainingSteps the SGD steps of the short training
 */
public record KernelCheckConfig(
        String engine, int seed, double tolerance, double networkTolerance, int trainingSteps) {

    /**
     * The default bound for operators. Single precision carries 24 bits (a unit roundoff of 6e-8);
     * the sums of these convolutions and normalizations add at most a few thousand terms, and
     * rounding left relative errors of at most 4e-6 on this project's machine under every oneDNN
     * instruction set (docs/engines.md). The wrong kernels of 2026-11-27 erred by 0.7 of the
     * gradient's size; 1e-4 sits between the two with more than an order of magnitude on either
     * side.
     */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /**
     * The default bound for whole networks and their training. A ReLU or max-pooling choice that
     * rounding flips near a tie moves one element by a whole term: about 1/sqrt(n) of the norm of
     * an array of n elements, 0.01 to 0.02 for these networks' smallest gradients (2,048 input
     * elements). Such flips are rare (none in any run so far) but must not fail correct kernels;
     * the wrong kernels of 2026-11-27 erred by 0.7, fourteen times this bound, and the operator
     * cases catch smaller errors.
     */
    public static final double DEFAULT_NETWORK_TOLERANCE = 5e-2;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException naming the field that is out of range
     */
    public KernelCheckConfig {
        requireNonNull(engine, "engine is null");
        if (engine.isBlank()) {
            throw new IllegalArgumentException("`engine` is blank; expected an engine name");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException(
                    "`tolerance` is " + tolerance + "; expected a number between 0 and 1");
        }
        if (!(networkTolerance > 0 && networkTolerance < 1)) {
            throw new IllegalArgumentException(
                    "`networkTolerance` is "
                            + networkTolerance
                            + "; expected a number between 0 and 1");
        }
        if (trainingSteps < 1) {
            throw new IllegalArgumentException(
                    "`trainingSteps` is " + trainingSteps + "; expected at least 1");
        }
    }

    /**
     * Returns the configuration the {@code nas} launcher relies on: PyTorch, seed 1, the default
     * bounds and 6 training steps.
     *
     * @return the default configuration
     */
    public static KernelCheckConfig defaults() {
        return new KernelCheckConfig("PyTorch", 1, DEFAULT_TOLERANCE, DEFAULT_NETWORK_TOLERANCE, 6);
    }
}
