package org.djlnas.runtime.kernels;

/**
 * What one case of a {@link KernelCheck} found.
 *
 * @param group the kind of case: {@code convolution}, {@code pooling}, {@code batch-norm}, {@code
 *     network} or {@code training}
 * @param name the case, with its shapes
 * @param worstRelativeError the largest relative error over the case's outputs and gradients
 *     (infinite if any was not finite)
 * @param tolerance the bound it was judged by
 */
public record KernelCaseResult(
        String group, String name, double worstRelativeError, double tolerance) {

    /**
     * Returns whether the case is within its bound (a non-finite error never is).
     *
     * @return whether it passed
     */
    public boolean passed() {
        return worstRelativeError <= tolerance;
    }
}
