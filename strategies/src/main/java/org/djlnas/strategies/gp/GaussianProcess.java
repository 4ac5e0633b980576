package org.djlnas.strategies.gp;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A zero-mean Gaussian process regression on normal scores with the kernel {@code σ² (exp(-d / ℓ) +
 * r·[d = 0 on the diagonal])}: correlation {@code exp(-d / ℓ)} on the distance {@code d} between
 * two points, noise {@code r} relative to the signal variance {@code σ²}.
 *
 * <p>The signal variance is not searched: for a given ℓ and {@code r} the marginal likelihood is
 * largest at {@code σ² = yᵀ C⁻¹ y / n} with {@code C} the correlation matrix plus {@code r I}, and
 * the process uses that value. The Cholesky factor and the triangular solves are EJML's.
 */
final class GaussianProcess {

    private final Hyperparameters hyperparameters;
    private final int n;
    private final DMatrixRMaj lower;
    private final double[] alpha;
    private final double signalVariance;
    private final double logMarginalLikelihood;

    private GaussianProcess(
            Hyperparameters hyperparameters,
            DMatrixRMaj lower,
            double[] alpha,
            double signalVariance,
            double logMarginalLikelihood) {
        this.hyperparameters = hyperparameters;
        this.n = alpha.length;
        this.lower = lower;
        this.alpha = alpha;
        this.signalVariance = signalVariance;
        this.logMarginalLikelihood = logMarginalLikelihood;
    }

    /**
     * Conditions the process on observations.
     *
     * @param distances the {@code n × n} distances between the observed points
     * @param targets the {@code n} targets, normal scores
     * @param hyperparameters the length scale and relative noise
     * @return the posterior, or empty if the matrix is not positive definite in floating point
     */
    static Optional<GaussianProcess> fit(
            double[][] distances, double[] targets, Hyperparameters hyperparameters) {
        int n = targets.length;
        DMatrixRMaj covariance = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double k = hyperparameters.correlation(distances[i][j]);
                covariance.unsafe_set(i, j, i == j ? k + hyperparameters.noiseRatio() : k);
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        if (!cholesky.decompose(covariance)) {
            return Optional.empty();
        }
        DMatrixRMaj lower = cholesky.getT(null);
        double[] alpha = targets.clone();
        TriangularSolver_DDRM.solveL(lower.data, alpha, n);
        double quadratic = 0;
        for (double v : alpha) {
            quadratic += v * v;
        }
        TriangularSolver_DDRM.solveTranL(lower.data, alpha, n);
        double signalVariance = Math.max(quadratic / n, 1e-12);
        double logDeterminant = 0;
        for (int i = 0; i < n; i++) {
            logDeterminant += 2 * Math.log(lower.unsafe_get(i, i));
        }
        double logLikelihood =
                -0.5
                        * (n * Math.log(signalVariance)
                                + logDeterminant
                                + n * (1 + Math.log(2 * Math.PI)));
        return Optional.of(
                new GaussianProcess(hyperparameters, lower, alpha, signalVariance, logLikelihood));
    }

    /** Returns the hyper-parameters this posterior was computed with. */
    Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** Returns the fitted signal variance {@code σ²}, in the targets' units. */
    double signalVariance() {
        return signalVariance;
    }

    /** Returns the log marginal likelihood of the targets at the fitted {@code σ²}. */
    double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /**
     * Predicts the latent function at a point.
     *
     * @param distances the point's distances to the {@code n} observed points
     * @return the posterior mean and variance (without the observation noise)
     */
    Prediction predict(double[] distances) {
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = hyperparameters.correlation(distances[i]);
            mean += k[i] * alpha[i];
        }
        TriangularSolver_DDRM.solveL(lower.data, k, n);
        double explained = 0;
        for (double v : k) {
            explained += v * v;
        }
        double variance = signalVariance * Math.max(1 - explained, 0);
        return new Prediction(mean, variance);
    }

    /**
     * A posterior mean and variance.
     *
     * @param mean the mean
     * @param variance the variance, at least 0
     */
    record Prediction(double mean, double variance) {}
}
