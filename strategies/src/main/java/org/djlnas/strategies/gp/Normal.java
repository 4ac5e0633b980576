package org.djlnas.strategies.gp;

/** The standard normal distribution: density, distribution function and quantile. */
final class Normal {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** The coefficients of the Chebyshev fit in {@link #erfc}, lowest order first. */
    private static final double[] ERFC = {
        -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
        0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277
    };

    // Acklam's rational approximations of the quantile: central region and tails.
    private static final double[] A = {
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
    };
    private static final double[] B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
        1
    };
    private static final double[] C = {
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
    };
    private static final double[] D = {
        7.784695709041462e-03,
        3.224671290700398e-01,
        2.445134137142996e+00,
        3.754408661907416e+00,
        1
    };
    private static final double TAIL = 0.02425;

    private Normal() {}

    /** The density. */
    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** The distribution function, as {@code erfc(-z / √2) / 2}. */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * The quantile, by Acklam's rational approximation (relative error below 1.2e-9).
     *
     * @param p a probability strictly between 0 and 1
     * @return the {@code z} with {@code cdf(z) = p}
     */
    static double quantile(double p) {
        if (p < TAIL) {
            double q = Math.sqrt(-2 * Math.log(p));
            return horner(C, q) / horner(D, q);
        }
        if (p > 1 - TAIL) {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            return -horner(C, q) / horner(D, q);
        }
        double q = p - 0.5;
        double r = q * q;
        return q * horner(A, r) / horner(B, r);
    }

    /** Evaluates {@code c[0] x^(k-1) + … + c[k-1]}, highest order first. */
    private static double horner(double[] c, double x) {
        double value = 0;
        for (double coefficient : c) {
            value = value * x + coefficient;
        }
        return value;
    }

    /**
     * The complementary error function by the Chebyshev fit of Numerical Recipes (Press et al., 2nd
     * ed., §6.2), with a relative error below 1.2e-7 everywhere, the tails included.
     */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double tail = t * Math.exp(-x * x + poly);
        return x >= 0 ? tail : 2 - tail;
    }
}
