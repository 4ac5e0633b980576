package org.djlnas.testing;

import java.util.Arrays;

/** Correlation coefficients, for benchmarks that compare two measurements of the same items. */
public final class Correlation {

    private Correlation() {}

    /**
     * Returns Pearson's product-moment correlation.
     *
     * @param x one measurement per item
     * @param y another, of the same items in the same order
     * @return r, in [-1, 1]; NaN if either is constant
     */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(
                    "x has "
                            + x.length
                            + " values and y "
                            + y.length
                            + "; expected two or more each");
        }
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Returns Spearman's rank correlation: Pearson's of the ranks, ties given their mean rank.
     *
     * @param x one measurement per item
     * @param y another, of the same items in the same order
     * @return ρ, in [-1, 1]
     */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /**
     * Ranks values from 1, ties given their mean rank.
     *
     * @param values the values
     * @return the rank of each, in the values' order
     */
    public static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
