package org.djlnas.strategies.gp;

import java.util.Arrays;
import java.util.List;

/**
 * The distance between two encoded architectures: the mean over every label of the space of a
 * per-label distance in {@code [0, 1]}.
 *
 * <ul>
 *   <li>A finite choice (layer, input, repeat, categorical or integer value) contributes 0 when
 *       both architectures chose the same value and 1 otherwise: the Hamming distance, values
 *       unordered as BOHB's kernel treats them.
 *   <li>A label that one architecture reaches and the other does not contributes 1; one that
 *       neither reaches contributes 0.
 *   <li>A continuous choice contributes the difference of the two values' ranks among the values of
 *       the reference architectures (the empirical distribution function, interpolated linearly
 *       between observed values and clamped outside them): a monotone map to {@code [0, 1]} that
 *       treats a linear and a log-scaled range alike without knowing which it is.
 * </ul>
 *
 * <p>Each per-label distance is an L1 distance (a discrete metric, or a line metric with one extra
 * point at distance 1 from every value), so their mean is one too, and {@code exp(-d / ℓ)} is a
 * positive semi-definite kernel for every length scale ℓ (Schoenberg): a product of one such kernel
 * per label. A Gaussian or Matérn kernel on the Hamming distance has no such guarantee.
 */
final class ChoiceDistance {

    private final ChoiceEncoding encoding;
    private final double[][] sortedReference;

    /**
     * Creates the distance, with continuous values ranked among those of reference architectures.
     *
     * @param encoding the encoding of the space
     * @param reference encoded architectures whose continuous values define the ranks
     */
    ChoiceDistance(ChoiceEncoding encoding, List<double[]> reference) {
        this.encoding = encoding;
        this.sortedReference = new double[encoding.size()][];
        for (int i = 0; i < encoding.size(); i++) {
            if (encoding.isContinuous(i)) {
                int label = i;
                sortedReference[i] =
                        reference.stream()
                                .mapToDouble(p -> p[label])
                                .filter(v -> !Double.isNaN(v))
                                .sorted()
                                .distinct()
                                .toArray();
            }
        }
    }

    /**
     * Returns the distance between two encoded architectures.
     *
     * @param a the first
     * @param b the second
     * @return a value in {@code [0, 1]}, 0 for equal architectures
     */
    double between(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            boolean aMissing = Double.isNaN(a[i]);
            boolean bMissing = Double.isNaN(b[i]);
            if (aMissing || bMissing) {
                sum += aMissing == bMissing ? 0 : 1;
            } else if (encoding.isContinuous(i)) {
                sum += Math.abs(rank(i, a[i]) - rank(i, b[i]));
            } else if (a[i] != b[i]) {
                sum += 1;
            }
        }
        return a.length == 0 ? 0 : sum / a.length;
    }

    /**
     * Returns the distances between every pair of a row and a column architecture.
     *
     * @param rows encoded architectures
     * @param columns encoded architectures
     * @return the {@code rows × columns} distances
     */
    double[][] matrix(List<double[]> rows, List<double[]> columns) {
        double[][] out = new double[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                out[r][c] = between(rows.get(r), columns.get(c));
            }
        }
        return out;
    }

    /** The interpolated empirical distribution function of a continuous label at a value. */
    private double rank(int label, double value) {
        double[] sorted = sortedReference[label];
        if (sorted.length < 2) {
            return 0;
        }
        int at = Arrays.binarySearch(sorted, value);
        if (at >= 0) {
            return at / (sorted.length - 1.0);
        }
        int above = -at - 1;
        if (above == 0) {
            return 0;
        }
        if (above == sorted.length) {
            return 1;
        }
        double low = sorted[above - 1];
        double high = sorted[above];
        return (above - 1 + (value - low) / (high - low)) / (sorted.length - 1.0);
    }
}
