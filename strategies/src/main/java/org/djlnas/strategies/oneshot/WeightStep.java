package org.djlnas.strategies.oneshot;

import ai.djl.training.dataset.Batch;
import org.djlnas.strategies.oneshot.Supernet.Gradients;

/**
 * One weight step of a supernet, whatever the supernet computes (the mixture of DARTS, or one
 * sampled path): clipped SGD with momentum on a training batch, skipped when its gradients are not
 * finite.
 */
final class WeightStep {

    private final Supernet supernet;
    private final MomentumSgd optimizer;
    private final double gradientClip;
    private int skippedSteps;

    WeightStep(Supernet supernet, MomentumSgd optimizer, double gradientClip) {
        this.supernet = supernet;
        this.optimizer = optimizer;
        this.gradientClip = gradientClip;
    }

    /**
     * Updates the weights (and nothing else).
     *
     * @param train a training batch
     * @param learningRate the learning rate
     * @return the batch's loss and metrics before the update
     */
    BatchResult step(Batch train, double learningRate) {
        BatchResult result = supernet.backward(train, Gradients.WEIGHTS);
        double norm = supernet.clipWeightGradients(gradientClip);
        if (Double.isFinite(norm)) {
            optimizer.step(learningRate);
        } else {
            skippedSteps++;
        }
        return result;
    }

    /**
     * Returns how many steps were skipped for non-finite gradients.
     *
     * @return the count
     */
    int skippedSteps() {
        return skippedSteps;
    }
}
