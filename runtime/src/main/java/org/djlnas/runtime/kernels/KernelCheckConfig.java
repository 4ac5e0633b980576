package org.djlnas.runtime.kernels;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link KernelCheck} runs and how strictly it judges.
 *
 * @param engine the DJL engine whose kernels are checked
 * @param seed the seed of every random input and initial weight
 * @param tolerance the largest relative error (the largest absolute difference from the
 *     double-precision result, over the largest absolute value of that result) an operator or
 *     network gradient may have
 * @param networkTolerance the same bound for whole networks and their short training: there a
 *     rounding difference can flip a ReLU or a max-pooling choice near a tie, which moves one
 *     gradient entry by a whole term
 * @param trainingSteps the SGD steps of the short training
 */
public record KernelCheckConfig(
        String engine, int seed, double tolerance, double networkTolerance, int trainingSteps) {

    /**
     * The default bound. Single precision carries 24 bits (a unit roundoff of 6e-8); the sums of
     * these convolutions and normalizations add at most a few thousand terms, so rounding leaves
     * relative errors of about 1e-6 in the worst case measured (docs/engines.md). A wrong kernel
     * errs by the size of the result itself; 1e-4 sits between the two with two orders of magnitude
     * on either side.
     */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /**
     * The default bound for whole networks and their training: a rounding difference that flips one
     * ReLU or one max-pooling choice near a tie moves one gradient entry by a whole term, and
     * rounding grows with every training step.
     */
    public static final double DEFAULT_NETWORK_TOLERANCE = 1e-2;

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
