package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Arrays copied to the host as one flat vector, and the vector arithmetic the tests compare by. */
final class HostVectors {

    private HostVectors() {}

    /** The values of several arrays, one after the other. */
    static double[] flatten(List<NDArray> arrays) {
        int size = 0;
        for (NDArray array : arrays) {
            size += (int) array.size();
        }
        double[] result = new double[size];
        int offset = 0;
        for (NDArray array : arrays) {
            for (float value : array.toFloatArray()) {
                result[offset++] = value;
            }
        }
        return result;
    }

    static double norm(double[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    static double cosine(double[] a, double[] b) {
        return dot(a, b) / (norm(a) * norm(b));
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
