package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.strategies.oneshot.Supernet.Gradients;

/**
 * One DARTS search step: an architecture step on a batch of the architecture half (α only), then a
 * weight step on a batch of the weight half (weights only).
 *
 * <p>First order, the architecture step follows {@code ∇α L_val(w, α)}. Second order, it follows
 * the gradient through one unrolled weight step {@code w' = w − ξ(μb + ∇w L_train(w, α) + λw)}:
 * {@code ∇α L_val(w', α) − ξ ∇²α,w L_train(w, α) ∇w' L_val(w', α)}, the Hessian-vector product
 * taken by central finite differences at {@code w ± ε∇w' L_val}, {@code ε = 0.01 / ‖∇w' L_val‖}
 * (Liu et al., 2019, equations 7 and 8).
 */
final class BilevelStep {

    private static final double FINITE_DIFFERENCE_RADIUS = 0.01;

    private final Supernet supernet;
    private final MomentumSgd weightOptimizer;
    private final Adam architectureOptimizer;
    private final DartsSettings settings;
    private final WeightStep weightStep;

    BilevelStep(
            Supernet supernet,
            MomentumSgd weightOptimizer,
            Adam architectureOptimizer,
            DartsSettings settings) {
        this.supernet = supernet;
        this.weightOptimizer = weightOptimizer;
        this.architectureOptimizer = architectureOptimizer;
        this.settings = settings;
        this.weightStep = new WeightStep(supernet, weightOptimizer, settings.gradientClip());
    }

    /**
     * Updates α (and nothing else).
     *
     * @param train a batch of the weight half (used by the second-order step)
     * @param search a batch of the architecture half
     * @param learningRate the weights' current learning rate (ξ of the second-order step)
     */
    void architectureStep(Batch train, Batch search, double learningRate) {
        if (settings.order() == 1) {
            supernet.backward(search, Gradients.ARCHITECTURE);
            architectureOptimizer.step(supernet.alphaGradients());
        } else {
            architectureOptimizer.step(unrolledGradient(train, search, learningRate));
        }
    }

    /**
     * Updates the weights (and nothing else): clipped SGD with momentum on a training batch. A step
     * whose gradients are not finite is skipped.
     *
     * @param train a batch of the weight half
     * @param learningRate the learning rate
     * @return the batch's loss and metrics before the update
     */
    BatchResult weightStep(Batch train, double learningRate) {
        return weightStep.step(train, learningRate);
    }

    /**
     * Returns how many weight steps were skipped for non-finite gradients.
     *
     * @return the count
     */
    int skippedSteps() {
        return weightStep.skippedSteps();
    }

    /**
     * Computes the second-order architecture gradient. The weights are the same afterwards, bit for
     * bit: the unrolled and shifted weights are made in place in the weight arrays ({@code w ← w −
     * ξd}, {@code w ← w ± εv}) and the weights are put back from one saved copy between them.
     *
     * @param train a batch of the weight half
     * @param search a batch of the architecture half
     * @param xi the unrolled step's learning rate
     * @return one gradient per α vector
     */
    List<NDArray> unrolledGradient(Batch train, Batch search, double xi) {
        List<NDArray> original = supernet.copyWeights();
        try {
            supernet.backward(train, Gradients.WEIGHTS);
            List<NDArray> direction = weightOptimizer.direction();
            supernet.moveWeights(direction, -xi);
            direction.forEach(NDArray::close);
            // Two passes over the search batch, the weights' gradients then α's, rather than one
            // for both: a pass for both keeps what each needs (the convolutions' inputs and the
            // candidates' outputs) at once, and set the second-order step's peak memory.
            supernet.backward(search, Gradients.WEIGHTS);
            List<NDArray> validationWeights = supernet.weightGradients();
            supernet.backward(search, Gradients.ARCHITECTURE);
            List<NDArray> validationAlpha = supernet.alphaGradients();
            double epsilon = FINITE_DIFFERENCE_RADIUS / Supernet.globalNorm(validationWeights);

            supernet.restoreWeights(original);
            supernet.moveWeights(validationWeights, epsilon);
            supernet.backward(train, Gradients.ARCHITECTURE);
            List<NDArray> plus = supernet.alphaGradients();
            supernet.restoreWeights(original);
            supernet.moveWeights(validationWeights, -epsilon);
            supernet.backward(train, Gradients.ARCHITECTURE);
            List<NDArray> minus = supernet.alphaGradients();

            List<NDArray> gradients = new ArrayList<>();
            for (int i = 0; i < validationAlpha.size(); i++) {
                NDArray hessianVector = plus.get(i).sub(minus.get(i)).div(2 * epsilon);
                gradients.add(validationAlpha.get(i).sub(hessianVector.mul(xi)));
            }
            return gradients;
        } finally {
            supernet.restoreWeights(original);
            original.forEach(NDArray::close);
        }
    }
}
