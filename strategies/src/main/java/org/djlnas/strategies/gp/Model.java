package org.djlnas.strategies.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The posterior of the scores told so far, and the same posterior conditioned on pending proposals
 * with their predicted means as if they had been observed (the kriging believer: the mean stays as
 * it was, the variance shrinks near the pending points).
 */
final class Model {

    private final ChoiceDistance distance;
    private final List<double[]> points;
    private final double[][] distances;
    private final double[] targets;
    private final Posterior posterior;

    /**
     * Conditions a process on observations.
     *
     * @param distance the distance between architectures
     * @param points the observed architectures, encoded
     * @param distances the distances between them
     * @param targets their warped scores ({@link RankWarping})
     * @param hyperparameters the kernel's hyper-parameters
     */
    Model(
            ChoiceDistance distance,
            List<double[]> points,
            double[][] distances,
            double[] targets,
            Hyperparameters hyperparameters) {
        this.distance = distance;
        this.points = List.copyOf(points);
        this.distances = distances;
        this.targets = targets.clone();
        this.posterior = posterior(this.points, distances, this.targets, hyperparameters);
    }

    /** Returns the best warped score observed. */
    double bestTarget() {
        return Arrays.stream(targets).max().orElseThrow();
    }

    /**
     * Returns the posterior that also believes each pending point scored its predicted mean.
     *
     * @param pending the encoded pending proposals, in the order they were proposed
     * @return the conditioned posterior; the observations' own when nothing is pending
     */
    Posterior believing(List<double[]> pending) {
        if (pending.isEmpty()) {
            return posterior;
        }
        List<double[]> all = new ArrayList<>(points);
        all.addAll(pending);
        int n = points.size();
        double[][] grown = new double[all.size()][all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (i < n) {
                System.arraycopy(distances[i], 0, grown[i], 0, n);
            }
            for (int j = Math.max(n, i); j < all.size(); j++) {
                grown[i][j] = distance.between(all.get(i), all.get(j));
                grown[j][i] = grown[i][j];
            }
        }
        double[] believed = Arrays.copyOf(targets, all.size());
        for (int i = 0; i < pending.size(); i++) {
            believed[n + i] = predict(posterior, pending.get(i)).mean();
        }
        return posterior(all, grown, believed, posterior.process().hyperparameters());
    }

    /**
     * Predicts the warped score of an architecture under a posterior.
     *
     * @param posterior the posterior
     * @param point the encoded architecture
     * @return the mean and the variance of its latent score
     */
    GaussianProcess.Prediction predict(Posterior posterior, double[] point) {
        double[] row = new double[posterior.points().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = distance.between(point, posterior.points().get(i));
        }
        return posterior.process().predict(row);
    }

    private static Posterior posterior(
            List<double[]> conditioned,
            double[][] matrix,
            double[] values,
            Hyperparameters hyperparameters) {
        GaussianProcess process =
                GaussianProcess.fit(matrix, values, hyperparameters)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the kernel matrix of "
                                                        + conditioned.size()
                                                        + " architectures is not positive"
                                                        + " definite"));
        return new Posterior(conditioned, process);
    }

    /**
     * A Gaussian process and the encoded architectures it is conditioned on.
     *
     * @param points the conditioning architectures
     * @param process the process
     */
    record Posterior(List<double[]> points, GaussianProcess process) {}
}
