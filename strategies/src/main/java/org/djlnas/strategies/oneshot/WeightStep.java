package org.djlnas.strategies.oneshot;

import ai.djl.training.dataset.Batch;
import org.djlnas.strategies.oneshot.Supernet.Gradients;

/**
 * One step of a supernet's weights (and nothing else): clipped SGD with momentum on a training
 * batch, through whatever the supernet computes now (the mixture, or a chosen single path). A step
 * whose gradients are not finite is skipped and counted.
 */
final class WeightStep {

    private final Supernet supernet;
    private final MomentumSgd optimizer;
    private final double gradientClip;
    private int skippedSteps;

    /**
     * Creates the step.
     *
     * @param supernet the supernet
     * @param optimizer the weights' optimizer
     * @param gradientClip the largest global norm of the weights' gradient (0: no clipping)
     */
    WeightStep(Supernet supernet, MomentumSgd optimizer, double gradientClip) {
        this.supernet = supernet;
        this.optimizer = optimizer;
        this.gradientClip = gradientClip;
    }

    /**
     * Updates the weights.
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
