package org.djlnas.strategies.gp;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Turns scores into normal scores by rank (a Gaussian copula, as in Salinas et al., "A
 * Quantile-based Approach for Hyperparameter Transfer Learning", ICML 2020): the {@code i}-th
 * smallest of {@code n} scores becomes {@code Φ⁻¹((i + 1/2) / n)}, equal scores the mean of their
 * ranks' values. The GP then models the order of the scores, not their spread: a few networks that
 * failed to learn (10 % accuracy among 90 % ones) no longer flatten the differences at the top, and
 * a minimised objective in any unit needs no scale.
 */
final class RankWarping {

    private RankWarping() {}

    /**
     * Warps scores.
     *
     * @param scores the scores, larger is better
     * @return their normal scores, in the same order
     */
    static double[] of(double[] scores) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] warped = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double sum = 0;
            for (int rank = start; rank <= end; rank++) {
                sum += Normal.quantile((rank + 0.5) / n);
            }
            for (int rank = start; rank <= end; rank++) {
                warped[order[rank]] = sum / (end - start + 1);
            }
            start = end + 1;
        }
        return warped;
    }
}
