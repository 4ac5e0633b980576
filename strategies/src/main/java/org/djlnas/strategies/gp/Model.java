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
    private final double[] targets;
    private final Posterior posterior;

    /**
     * Conditions a process on observations.
     *
     * @param distance the distance between architectures
     * @param points the observed architectures, encoded
     * @param targets their standardised scores
     * @param hyperparameters the kernel's hyper-parameters
     */
    Model(
            ChoiceDistance distance,
            List<double[]> points,
            double[] targets,
            Hyperparameters hyperparameters) {
        this.distance = distance;
        this.points = List.copyOf(points);
        this.targets = targets.clone();
        this.posterior = posterior(this.points, this.targets, hyperparameters);
    }

    /** Returns the best standardised score observed. */
    double bestTarget() {
        return Arrays.stream(targets).max().orElseThrow();
    }

    /**
     * Returns the posterior that also believes each pending point scored its predicted mean.
     *
     * @param pending the encoded pending proposals, in the order they were proposed
     * @return the conditioned posterior
     */
    Posterior believing(List<double[]> pending) {
        if (pending.isEmpty()) {
            return posterior;
        }
        List<double[]> all = new ArrayList<>(points);
        all.addAll(pending);
        double[] believed = Arrays.copyOf(targets, all.size());
        for (int i = 0; i < pending.size(); i++) {
            believed[points.size() + i] = predict(posterior, pending.get(i)).mean();
        }
        return posterior(all, believed, posterior.process().hyperparameters());
    }

    private Posterior posterior(
            List<double[]> conditioned, double[] values, Hyperparameters hyperparameters) {
        GaussianProcess process =
                GaussianProcess.fit(
                                distance.matrix(conditioned, conditioned), values, hyperparameters)
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

    /**
     * Predicts the standardised score of an architecture under a posterior.
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
}
