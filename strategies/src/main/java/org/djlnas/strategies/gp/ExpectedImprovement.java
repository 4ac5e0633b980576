package org.djlnas.strategies.gp;

/**
 * Expected improvement over the best observed value for a Gaussian prediction, {@code E[max(f -
 * best, 0)] = (μ - best) Φ(z) + σ φ(z)} with {@code z = (μ - best) / σ}.
 */
final class ExpectedImprovement {

    private ExpectedImprovement() {}

    /**
     * Returns the expected improvement.
     *
     * @param mean the predicted mean μ
     * @param variance the predicted variance σ²
     * @param best the value to improve on
     * @return the expected improvement, at least 0
     */
    static double of(double mean, double variance, double best) {
        double gain = mean - best;
        double sd = Math.sqrt(variance);
        if (!(sd > 1e-12)) {
            return Math.max(gain, 0);
        }
        double z = gain / sd;
        return Math.max(sd * (z * Normal.cdf(z) + Normal.density(z)), 0);
    }
}
