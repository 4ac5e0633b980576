package org.djlnas.api.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto dominance over score vectors, each score larger when better ({@link Direction#score}):
 * non-dominated sorting and crowding distance as in NSGA-II (Deb et al. 2002), and the hypervolume
 * a set of points dominates.
 */
public final class Pareto {

    private Pareto() {}

    /**
     * Tells whether one score vector dominates another: at least as good in every score and better
     * in one.
     *
     * @param a the vector that may dominate
     * @param b the other vector, of the same length
     * @return whether {@code a} dominates {@code b}
     */
    public static boolean dominates(double[] a, double[] b) {
        checkSameLength(a, b);
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) {
                return false;
            }
            better |= a[i] > b[i];
        }
        return better;
    }

    /**
     * Sorts score vectors into non-dominated fronts: the first front holds the vectors nobody
     * dominates, the second those only the first dominates, and so on.
     *
     * @param points the score vectors, all of one length
     * @return the fronts, each a list of indices into {@code points} in increasing order
     */
    public static List<List<Integer>> fronts(List<double[]> points) {
        int n = points.size();
        List<List<Integer>> dominated = new ArrayList<>();
        int[] dominators = new int[n];
        List<Integer> current = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            List<Integer> beaten = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                if (dominates(points.get(p), points.get(q))) {
                    beaten.add(q);
                } else if (dominates(points.get(q), points.get(p))) {
                    dominators[p]++;
                }
            }
            dominated.add(beaten);
            if (dominators[p] == 0) {
                current.add(p);
            }
        }
        List<List<Integer>> fronts = new ArrayList<>();
        while (!current.isEmpty()) {
            fronts.add(List.copyOf(current));
            List<Integer> next = new ArrayList<>();
            for (int p : current) {
                for (int q : dominated.get(p)) {
                    if (--dominators[q] == 0) {
                        next.add(q);
                    }
                }
            }
            next.sort(Comparator.naturalOrder());
            current = next;
        }
        return fronts;
    }

    /**
     * Returns the crowding distance of each vector of one front: the sum over scores of the gap
     * between its two neighbours, normalised by the score's range; the extremes of each score get
     * infinity.
     *
     * @param front the score vectors of one front, all of one length
     * @return their crowding distances, in the same order
     */
    public static double[] crowdingDistances(List<double[]> front) {
        int n = front.size();
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        int dimensions = front.get(0).length;
        Integer[] order = new Integer[n];
        for (int d = 0; d < dimensions; d++) {
            final int dimension = d;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> front.get(i)[dimension]));
            double low = front.get(order[0])[d];
            double high = front.get(order[n - 1])[d];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            if (high > low) {
                for (int i = 1; i < n - 1; i++) {
                    distance[order[i]] +=
                            (front.get(order[i + 1])[d] - front.get(order[i - 1])[d])
                                    / (high - low);
                }
            }
        }
        return distance;
    }

    /**
     * Returns the hypervolume the vectors dominate above a reference point: the measure of the set
     * of points that some vector dominates and that dominate the reference. Vectors that do not
     * dominate the reference add nothing. Exact, by slicing one score at a time; meant for the few
     * objectives and hundreds of points of a search.
     *
     * @param points the score vectors, all of the reference's length
     * @param reference the reference point, worse than every vector of interest in every score
     * @return the hypervolume, zero for no points
     */
    public static double hypervolume(List<double[]> points, double[] reference) {
        List<double[]> above = new ArrayList<>();
        for (double[] point : points) {
            checkSameLength(point, reference);
            boolean dominatesReference = true;
            for (int i = 0; i < point.length; i++) {
                dominatesReference &= point[i] > reference[i];
            }
            if (dominatesReference) {
                above.add(point);
            }
        }
        return slice(above, reference, reference.length);
    }

    /** The hypervolume of the first {@code dimensions} scores of the points (all above ref). */
    private static double slice(List<double[]> points, double[] reference, int dimensions) {
        if (points.isEmpty()) {
            return 0;
        }
        int last = dimensions - 1;
        if (dimensions == 1) {
            double best = reference[0];
            for (double[] point : points) {
                best = Math.max(best, point[0]);
            }
            return best - reference[0];
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[last]).reversed());
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double top = sorted.get(i)[last];
            double bottom = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            if (top > bottom) {
                volume += (top - bottom) * slice(sorted.subList(0, i + 1), reference, last);
            }
        }
        return volume;
    }

    private static void checkSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "score vectors of different lengths: " + a.length + " and " + b.length);
        }
    }
}
