package org.djlnas.strategies.gp;

/**
 * The kernel's hyper-parameters other than the signal variance (which {@link GaussianProcess} fits
 * in closed form).
 *
 * @param lengthScale ℓ in {@code exp(-d / ℓ)}, in units of the mean per-label distance
 * @param noiseRatio the observation noise variance as a fraction of the signal variance
 */
record Hyperparameters(double lengthScale, double noiseRatio) {

    /** Returns the correlation {@code exp(-d / ℓ)} at a distance. */
    double correlation(double distance) {
        return Math.exp(-distance / lengthScale);
    }
}
