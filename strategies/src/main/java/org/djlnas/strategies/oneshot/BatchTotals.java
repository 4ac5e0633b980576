package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;

/** Running sums of batch results: the mean loss and the task's metrics over the batches added. */
final class BatchTotals {

    private final TaskMeasure measure;
    private double lossSum;
    private int batches;

    BatchTotals(Task task) {
        this.measure = new TaskMeasure(task);
    }

    /**
     * Measures the supernet, as it computes now, in evaluation mode on the first batches of a data
     * set.
     *
     * @param supernet the supernet
     * @param dataset the batches
     * @param limit how many batches at the most (0: all)
     * @param task the task
     * @param manager the manager of the batches
     * @return the totals
     * @throws IOException if a batch cannot be read
     */
    static BatchTotals measure(
            Supernet supernet, Dataset dataset, int limit, Task task, NDManager manager)
            throws IOException {
        BatchTotals totals = new BatchTotals(task);
        for (Batch batch : Batches.of(dataset, manager)) {
            try (NDScope scope = new NDScope();
                    Batch validationBatch = batch) {
                scope.suppressNotUsedWarning();
                totals.add(supernet.evaluate(validationBatch));
            }
            if (limit > 0 && totals.batches >= limit) {
                break;
            }
        }
        return totals;
    }

    void add(BatchResult result) {
        lossSum += result.loss() * result.examples();
        measure.addAll(result.measure());
        batches++;
    }

    /**
     * Returns how many batches were added.
     *
     * @return the count
     */
    int batches() {
        return batches;
    }

    double meanLoss() {
        return measure.examples() == 0 ? Double.NaN : lossSum / measure.examples();
    }

    /** The task's metrics (accuracy; or RMSE and MAE), NaN when no batch was added. */
    Map<String, Double> metrics() {
        if (measure.examples() == 0) {
            Map<String, Double> none = new LinkedHashMap<>();
            measure.metrics().keySet().forEach(name -> none.put(name, Double.NaN));
            return none;
        }
        return measure.metrics();
    }

    /** The task's objective (accuracy, or RMSE), NaN when no batch was added. */
    double objective() {
        return measure.examples() == 0 ? Double.NaN : measure.objective();
    }

    /**
     * Puts the mean loss and the metrics into an epoch's metrics, named with a prefix: {@code
     * trainLoss}, {@code trainAccuracy}, ….
     *
     * @param prefix the prefix, such as {@code train} or {@code validation}
     * @param metrics the epoch's metrics
     */
    void report(String prefix, Map<String, Double> metrics) {
        metrics.put(prefix + "Loss", meanLoss());
        metrics()
                .forEach(
                        (name, value) ->
                                metrics.put(
                                        prefix
                                                + Character.toUpperCase(name.charAt(0))
                                                + name.substring(1),
                                        value));
    }
}
