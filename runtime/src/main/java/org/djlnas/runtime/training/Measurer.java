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
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;

/**
 * Measures a trained network by its task ({@link TaskMeasure}): validation accuracy, or RMSE and
 * MAE, and loss, inference latency, and the same metrics on the test set.
 *
 * @param latencyBatches the timed forward passes averaged into the latency
 * @param task what the network learns
 */
record Measurer(int latencyBatches, Task task) {

    /**
     * Predicts every validation example in evaluation mode and times inference on the first batch.
     *
     * @param trainer the trainer of the network
     * @param validationSet the validation examples
     * @return fresh, modifiable metrics: the task's ({@value Metrics#ACCURACY}, or {@value
     *     Metrics#RMSE} and {@value Metrics#MAE}), {@value Metrics#LOSS} (the mean loss) and
     *     {@value Metrics#LATENCY_MS}
     * @throws TrialFailedException if the validation loss is not finite
     * @throws IOException if the data cannot be read
     */
    Map<String, Double> validate(Trainer trainer, RandomAccessDataset validationSet)
            throws TrialFailedException, IOException {
        Loss loss = trainer.getLoss();
        TaskMeasure measure = new TaskMeasure(task);
        double lossSum = 0;
        long examples = 0;
        double latencyMs = Double.NaN;
        for (Batch batch : DataBatches.of(validationSet, trainer.getManager())) {
            try (batch) {
                if (Double.isNaN(latencyMs)) {
                    latencyMs = latency(trainer, batch.getData());
                }
                NDList predictions = trainer.evaluate(batch.getData());
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
        metrics.put(Metrics.LATENCY_MS, latencyMs);
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
                NDList predictions = block.forward(parameters, batch.getData(), false);
                measure.add(batch.getLabels().head(), predictions.head());
            }
        }
        return measure;
    }

    /**
     * Mean milliseconds of an inference pass over one batch, after a warm-up pass. Each pass runs
     * in its own sub-manager, so that its intermediate arrays are freed before the next one.
     */
    private double latency(Trainer trainer, NDList input) {
        double totalMs = 0;
        for (int pass = -1; pass < latencyBatches; pass++) {
            try (NDManager scope = input.head().getManager().newSubManager()) {
                scope.tempAttachAll(input);
                long start = System.nanoTime();
                // Reading one value waits for engines that compute asynchronously.
                trainer.evaluate(input).head().getFloat(0, 0);
                if (pass >= 0) {
                    totalMs += (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return totalMs / latencyBatches;
    }
}
