package org.djlnas.runtime.training;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import java.io.IOException;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.engine.ImageMemoryFormat;

/**
 * Re-estimates batch normalisation's running statistics for the final weights (see {@link
 * TrainingSettings#recalibrationBatches()}): passes training batches through the network in
 * training mode, without updating the weights.
 *
 * <p>PyTorch updates the statistics in the forward pass, so a forward pass is enough; MXNet updates
 * them in the backward pass, and runs batch normalisation in training mode only inside a gradient
 * collector, so there each batch goes forward and backward inside one, and the gradients left are
 * cleared afterwards.
 *
 * @param batches the training batches to pass through, 0 for none
 * @param needsBackward whether the engine updates the statistics only in the backward pass
 * @param imageMemoryFormat how image batches are laid out in memory before they go forward
 */
record BatchNormRecalibration(
        int batches, boolean needsBackward, ImageMemoryFormat imageMemoryFormat) {

    /**
     * Recalibrates the block's statistics, if it has any.
     *
     * @param block the trained block
     * @param trainer its trainer
     * @param trainSet the training examples
     * @throws IOException if the data cannot be read
     */
    void recalibrate(Block block, Trainer trainer, RandomAccessDataset trainSet)
            throws IOException {
        int remaining = batches;
        boolean hasStatistics =
                block.getParameters().values().stream()
                        .anyMatch(p -> p.getType() == Parameter.Type.RUNNING_MEAN);
        if (!hasStatistics) {
            return;
        }
        while (remaining > 0) {
            for (Batch batch : DataBatches.of(trainSet, trainer.getManager())) {
                try (batch) {
                    if (needsBackward) {
                        forwardAndBackward(trainer, batch);
                    } else {
                        trainer.forward(
                                imageMemoryFormat.arrange(batch.getData()), batch.getLabels());
                    }
                }
                if (--remaining == 0) {
                    break;
                }
            }
        }
        if (needsBackward) {
            GradientGuard.clear(GradientGuard.trainable(trainer));
        }
    }

    private void forwardAndBackward(Trainer trainer, Batch batch) {
        synchronized (EngineLocks.GRADIENTS) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions =
                        trainer.forward(
                                imageMemoryFormat.arrange(batch.getData()), batch.getLabels());
                collector.backward(trainer.getLoss().evaluate(batch.getLabels(), predictions));
            }
        }
    }
}
