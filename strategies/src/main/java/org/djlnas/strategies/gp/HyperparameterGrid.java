package org.djlnas.strategies.gp;

import java.util.List;
import java.util.Optional;

/**
 * Chooses the length scale and the relative noise that maximise the marginal likelihood of the
 * observations over a small grid: length scales {@code 0.05 · 2^k} for {@code k = 0..6} (from a
 * twentieth to three times the largest distance) and relative noises {@code 10^-4} to {@code 0.3}.
 * The signal variance is fitted in closed form for each pair. Ties keep the earlier pair of the
 * grid, so the choice is deterministic.
 */
final class HyperparameterGrid {

    static final List<Double> LENGTH_SCALES = List.of(0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2);

    static final List<Double> NOISE_RATIOS = List.of(1e-4, 1e-3, 1e-2, 0.1, 0.3);

    private HyperparameterGrid() {}

    /**
     * Fits the hyper-parameters.
     *
     * @param distances the distances between the observed points
     * @param targets the targets, normal scores
     * @return the best pair of the grid, by marginal likelihood
     * @throws IllegalStateException if no pair gives a positive definite matrix
     */
    static Hyperparameters fit(double[][] distances, double[] targets) {
        GaussianProcess best = null;
        for (double lengthScale : LENGTH_SCALES) {
            for (double noiseRatio : NOISE_RATIOS) {
                Optional<GaussianProcess> fitted =
                        GaussianProcess.fit(
                                distances, targets, new Hyperparameters(lengthScale, noiseRatio));
                if (fitted.isPresent()
                        && (best == null
                                || fitted.get().logMarginalLikelihood()
                                        > best.logMarginalLikelihood())) {
                    best = fitted.get();
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no kernel of the grid fits the observations");
        }
        return best.hyperparameters();
    }
}
