package org.djlnas.runtime.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;

/**
 * Measures a trained network by its task ({@link TaskMeasure}): validation accuracy (and error), or
 * RMSE and MAE, and loss, and the same metrics on the test set.
 *
 * @param task what the network learns
 * @param imageMemoryFormat how image batches are laid out in memory before they go forward
 */
record Measurer(Task task, ImageMemoryFormat imageMemoryFormat) {

    /**
     * Predicts every validation example in evaluation mode.
     *
     * @param trainer the trainer of the network
     * @param validationSet the validation examples
     * @return fresh, modifiable metrics: the task's ({@value Metrics#ACCURACY} and {@value
     *     Metrics#ERROR}, one minus the accuracy; or {@value Metrics#RMSE} and {@value
     *     Metrics#MAE}) and {@value Metrics#LOSS} (the mean loss)
     * @throws TrialFailedException if the validation loss is not finite
     * @throws IOException if the data cannot be read
     */
    Map<String, Double> validate(Trainer trainer, RandomAccessDataset validationSet)
            throws TrialFailedException, IOException {
        Loss loss = trainer.getLoss();
        TaskMeasure measure = new TaskMeasure(task);
        double lossSum = 0;
        long examples = 0;
        for (Batch batch : DataBatches.of(validationSet, trainer.getManager())) {
            try (batch) {
                NDList predictions = trainer.evaluate(imageMemoryFormat.arrange(batch.getData()));
                lossSum +=
                        (double) loss.evaluate(batch.getLabels(), predictions).getFloat()
                                * batch.getSize();
                examples += batch.getSize();
                measure.add(batch.getLabels().head(), predictions.head());
            }
        }
        double meanLoss = lossSum / examples;
        if (!Double.isFinite(meanLoss)) {
            throw new TrialFailedException(
                    "validation loss is " + meanLoss + " after training; the network diverged");
        }
        Map<String, Double> metrics = new LinkedHashMap<>(measure.metrics());
        metrics.put(Metrics.LOSS, meanLoss);
        Double accuracy = metrics.get(Metrics.ACCURACY);
        if (accuracy != null) {
            metrics.put(Metrics.ERROR, 1 - accuracy);
        }
        return metrics;
    }

    /**
     * Predicts every test example in evaluation mode.
     *
     * @param block the block, its parameters loaded
     * @param manager the manager of the block's model
     * @param testSet the test examples
     * @return the measure over the test set
     * @throws IOException if the data cannot be read
     */
    TaskMeasure test(Block block, NDManager manager, RandomAccessDataset testSet)
            throws IOException {
        ParameterStore parameters = new ParameterStore(manager, false);
        TaskMeasure measure = new TaskMeasure(task);
        for (Batch batch : DataBatches.of(testSet, manager)) {
            try (batch) {
                NDList predictions =
                        block.forward(
                                parameters, imageMemoryFormat.arrange(batch.getData()), false);
                measure.add(batch.getLabels().head(), predictions.head());
            }
        }
        return measure;
    }
}
