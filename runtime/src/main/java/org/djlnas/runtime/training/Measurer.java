package org.djlnas.runtime.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.eval.TrialFailedException;

/**
 * Measures a trained network: validation accuracy and loss, inference latency, and accuracy on the
 * test set.
 *
 * @param latencyBatches the timed forward passes averaged into the latency
 */
record Measurer(int latencyBatches) {

    private static final String ACCUMULATOR = "accuracy";

    /**
     * Classifies every validation example in evaluation mode and times inference on the first
     * batch.
     *
     * @param trainer the trainer of the network
     * @param validationSet the validation examples
     * @return fresh, modifiable metrics: {@value Metrics#ACCURACY}, {@value Metrics#LOSS} (the mean
     *     loss) and {@value Metrics#LATENCY_MS}
     * @throws TrialFailedException if the validation loss is not finite
     * @throws IOException if the data cannot be read
     */
    Map<String, Double> validate(Trainer trainer, RandomAccessDataset validationSet)
            throws TrialFailedException, IOException {
        Loss loss = trainer.getLoss();
        Accuracy accuracy = newAccuracy();
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
                accuracy.updateAccumulator(ACCUMULATOR, batch.getLabels(), predictions);
            }
        }
        double meanLoss = lossSum / examples;
        if (!Double.isFinite(meanLoss)) {
            throw new TrialFailedException(
                    "validation loss is " + meanLoss + " after training; the network diverged");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(Metrics.ACCURACY, (double) accuracy.getAccumulator(ACCUMULATOR));
        metrics.put(Metrics.LOSS, meanLoss);
        metrics.put(Metrics.LATENCY_MS, latencyMs);
        return metrics;
    }

    /**
     * Classifies every test example in evaluation mode.
     *
     * @param block the block, its parameters loaded
     * @param manager the manager of the block's model
     * @param testSet the test examples
     * @return the fraction classified correctly
     * @throws IOException if the data cannot be read
     */
    static double accuracy(Block block, NDManager manager, RandomAccessDataset testSet)
            throws IOException {
        ParameterStore parameters = new ParameterStore(manager, false);
        Accuracy accuracy = newAccuracy();
        for (Batch batch : DataBatches.of(testSet, manager)) {
            try (batch) {
                NDList predictions = block.forward(parameters, batch.getData(), false);
                accuracy.updateAccumulator(ACCUMULATOR, batch.getLabels(), predictions);
            }
        }
        return accuracy.getAccumulator(ACCUMULATOR);
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

    private static Accuracy newAccuracy() {
        Accuracy accuracy = new Accuracy();
        accuracy.addAccumulator(ACCUMULATOR);
        return accuracy;
    }
}
