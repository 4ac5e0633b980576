package org.djlnas.runtime.training;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The loss of {@link Distillation}: {@code (1 − w) · hard + w · T² · KL(p ‖ q)}, where {@code hard}
 * is the task's loss on the labels (softmax cross-entropy), {@code p = softmax(teacher / T)},
 * {@code q = softmax(student / T)}, and the Kullback-Leibler divergence is summed over classes and
 * averaged over the batch.
 *
 * <p>The labels carry the teacher's logits as their second array ({@link Teacher#targets}). Labels
 * without them (validation, batch-norm recalibration) get the hard loss alone, so the validation
 * loss of a distilled network is comparable with an undistilled one's.
 */
public final class DistillationLoss extends Loss {

    private final Loss hard;
    private final float temperature;
    private final float weight;

    /**
     * Creates the loss.
     *
     * @param hard the loss on the labels
     * @param distillation the temperature and the weight
     */
    public DistillationLoss(Loss hard, Distillation distillation) {
        super("DistillationLoss");
        this.hard = requireNonNull(hard, "hard is null");
        this.temperature = distillation.teacherTemperature();
        this.weight = distillation.teacherWeight();
    }

    /**
     * Computes the loss of a batch.
     *
     * @param labels the labels, and the teacher's logits {@code (N, classes)} when distilling
     * @param predictions the student's logits {@code (N, classes)}
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray hardLoss = hard.evaluate(new NDList(labels.head()), predictions);
        if (labels.size() < 2) {
            return hardLoss;
        }
        NDArray teacherLog = labels.get(1).div(temperature).logSoftmax(-1);
        NDArray studentLog = predictions.head().div(temperature).logSoftmax(-1);
        NDArray divergence =
                teacherLog.exp().mul(teacherLog.sub(studentLog)).sum(new int[] {-1}).mean();
        return hardLoss.mul(1 - weight).add(divergence.mul(weight * temperature * temperature));
    }
}
