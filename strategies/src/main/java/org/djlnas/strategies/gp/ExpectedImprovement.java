package org.djlnas.strategies.gp;

/**
 * Expected improvement over the best observed value for a Gaussian prediction, {@code E[max(f -
 * best, 0)] = (μ - best) Φ(z) + σ φ(z)} with {@code z = (μ - best) / σ}.
 */
final class ExpectedImprovement {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** The coefficients of the Chebyshev fit in {@link #erfc}, lowest order first. */
    private static final double[] ERFC_COEFFICIENTS = {
        -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
        0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277
    };

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
        return Math.max(sd * (z * cdf(z) + density(z)), 0);
    }

    /** The standard normal density. */
    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** The standard normal distribution function, as {@code erfc(-z / √2) / 2}. */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * The complementary error function by the Chebyshev fit of Numerical Recipes (Press et al., 2nd
     * ed., §6.2), with a relative error below 1.2e-7 everywhere, the tails included.
     */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double poly = 0;
        for (int i = ERFC_COEFFICIENTS.length - 1; i >= 0; i--) {
            poly = ERFC_COEFFICIENTS[i] + t * poly;
        }
        double tail = t * Math.exp(-x * x + poly);
        return x >= 0 ? tail : 2 - tail;
    }
}
