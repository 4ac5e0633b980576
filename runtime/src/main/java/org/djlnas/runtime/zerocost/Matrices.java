package org.djlnas.runtime.zerocost;

/** The small dense linear algebra of the proxies, in double precision. */
final class Matrices {

    private static final int MAX_SWEEPS = 100;

    private Matrices() {}

    /**
     * Returns the correlation matrix of the rows, as NumPy's {@code corrcoef}: each row a variable,
     * each column an observation. A row without variance gives NaN in its row and column.
     *
     * @param rows the variables, all of one length
     * @return the symmetric correlation matrix
     */
    static double[][] correlation(double[][] rows) {
        int n = rows.length;
        double[][] centred = new double[n][];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (double x : rows[i]) {
                mean += x;
            }
            mean /= rows[i].length;
            centred[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                centred[i][j] = rows[i][j] - mean;
            }
        }
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < centred[i].length; k++) {
                    sum += centred[i][k] * centred[j][k];
                }
                covariance[i][j] = sum;
                covariance[j][i] = sum;
            }
        }
        double[][] correlation = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                correlation[i][j] =
                        covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
            }
        }
        return correlation;
    }

    /**
     * Returns the eigenvalues of a symmetric matrix by cyclic Jacobi rotations.
     *
     * @param symmetric the matrix; not changed
     * @return its eigenvalues, in no particular order
     * @throws IllegalArgumentException if the matrix holds a value that is not finite
     */
    static double[] symmetricEigenvalues(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
            for (double x : a[i]) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("the matrix holds " + x);
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-22 * diagonal(a); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    private static void rotate(double[][] a, int p, int q) {
        if (a[p][q] == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return Math.max(sum, Double.MIN_NORMAL);
    }

    /**
     * Returns the logarithm of the absolute value of a square matrix's determinant, as NumPy's
     * {@code slogdet(...)[1]}: by LU decomposition with partial pivoting.
     *
     * @param matrix the matrix; not changed
     * @return log |det|, or negative infinity for a singular matrix
     */
    static double logAbsDeterminant(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double log = 0;
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            if (a[pivot][column] == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double[] swap = a[pivot];
            a[pivot] = a[column];
            a[column] = swap;
            log += Math.log(Math.abs(a[column][column]));
            for (int row = column + 1; row < n; row++) {
                double factor = a[row][column] / a[column][column];
                for (int k = column; k < n; k++) {
                    a[row][k] -= factor * a[column][k];
                }
            }
        }
        return log;
    }
}
