package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.Batch;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.data.Task;
import org.djlnas.strategies.oneshot.Supernet.Gradients;

/**
 * Scores architectures on a trained supernet with their inherited weights: the architecture's path
 * chosen, batch normalisation recalibrated for it on training batches ({@link
 * BatchNormRecalibration}), then its loss and the task's metrics on validation batches in inference
 * mode. The weights are not changed; {@link #close()} puts back the running statistics the training
 * left and goes back to the full supernet.
 */
final class PathScorer implements AutoCloseable {

    private final Supernet supernet;
    private final Task task;
    private final List<Batch> recalibrationBatches;
    private final List<Batch> validationBatches;
    private final BatchNormRecalibration recalibration;
    private final List<NDArray> trainedStatistics;

    /**
     * Creates a scorer.
     *
     * @param supernet the trained supernet
     * @param task the task, which chooses the loss and metrics
     * @param recalibrationBatches the training batches that recalibrate each path, at least one
     * @param validationBatches the batches each path is scored on
     */
    PathScorer(
            Supernet supernet,
            Task task,
            List<Batch> recalibrationBatches,
            List<Batch> validationBatches) {
        this.supernet = supernet;
        this.task = task;
        this.recalibrationBatches = List.copyOf(recalibrationBatches);
        this.validationBatches = List.copyOf(validationBatches);
        this.recalibration =
                new BatchNormRecalibration(
                        supernet.runningStatistics(),
                        batch -> supernet.backward(batch, Gradients.WEIGHTS));
        this.trainedStatistics = recalibration.copies();
    }

    /**
     * Scores one architecture. Its path stays chosen and the statistics stay recalibrated for it
     * until the next call or {@link #close()}.
     *
     * @param architecture an architecture of the supernet's space
     * @return its validation loss and metrics
     */
    BatchTotals score(Architecture architecture) {
        supernet.alphas().choosePaths(architecture);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            recalibration.restore(trainedStatistics);
            recalibration.recalibrate(recalibrationBatches);
            BatchTotals totals = new BatchTotals(task);
            for (Batch batch : validationBatches) {
                totals.add(supernet.evaluate(batch));
            }
            return totals;
        }
    }

    /**
     * Returns the score evolution maximises: the task's objective, negated when it is minimised.
     *
     * @param totals a path's validation totals
     * @return the score
     */
    double objectiveScore(BatchTotals totals) {
        return task.direction().score(totals.objective());
    }

    @Override
    public void close() {
        supernet.alphas().clearPaths();
        recalibration.restore(trainedStatistics);
        trainedStatistics.forEach(NDArray::close);
    }
}
