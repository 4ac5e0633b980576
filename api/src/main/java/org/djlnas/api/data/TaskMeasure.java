package org.djlnas.api.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djlnas.api.eval.Metrics;

/**
 * What a network is trained with and measured by for a {@link Task}: its loss, and the metrics of
 * its predictions accumulated over batches. For classification, softmax cross-entropy and {@value
 * Metrics#ACCURACY}; for regression, the L2 loss on the standardised target and {@value
 * Metrics#RMSE} and {@value Metrics#MAE} in the target's own units. Not thread-safe: one measure
 * per pass over a data set.
 */
public final class TaskMeasure {

    private final Task task;
    private long examples;
    private long correct;
    private double squaredError;
    private double absoluteError;

    /**
     * Starts an empty measure.
     *
     * @param task the task
     */
    public TaskMeasure(Task task) {
        this.task = requireNonNull(task, "task is null");
    }

    /**
     * Returns the loss a network learns a task with.
     *
     * @param task the task
     * @return softmax cross-entropy for classification, L2 for regression
     */
    public static Loss loss(Task task) {
        return task instanceof Task.Regression
                ? new SquaredErrorLoss()
                : new SoftmaxCrossEntropyLoss();
    }

    /**
     * Adds a batch.
     *
     * @param labels the batch's labels, one float scalar per example
     * @param predictions the network's outputs, {@code (N, outputs)}
     */
    public void add(NDArray labels, NDArray predictions) {
        NDArray truth = labels.flatten().toType(DataType.FLOAT32, false);
        if (task instanceof Task.Regression) {
            NDArray error = predictions.flatten().toType(DataType.FLOAT32, false).sub(truth);
            squaredError += error.square().sum().getFloat();
            absoluteError += error.abs().sum().getFloat();
        } else {
            NDArray predicted = predictions.argMax(1).toType(DataType.FLOAT32, false);
            correct += predicted.eq(truth).countNonzero().getLong();
        }
        examples += truth.size();
    }

    /**
     * Adds the batches another measure of the same task holds.
     *
     * @param other the other measure
     */
    public void addAll(TaskMeasure other) {
        if (!other.task.equals(task)) {
            throw new IllegalArgumentException(
                    "cannot add a measure of " + other.task + " to one of " + task);
        }
        examples += other.examples;
        correct += other.correct;
        squaredError += other.squaredError;
        absoluteError += other.absoluteError;
    }

    /**
     * Returns the number of examples added.
     *
     * @return the examples
     */
    public long examples() {
        return examples;
    }

    /**
     * Returns the task's objective over the examples added: the accuracy, or the RMSE in the
     * target's units.
     *
     * @return the objective's value
     */
    public double objective() {
        return metrics().get(task.objective());
    }

    /**
     * Returns the metrics over the examples added.
     *
     * @return {@value Metrics#ACCURACY} for classification; {@value Metrics#RMSE} and {@value
     *     Metrics#MAE}, in the target's units, for regression
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (task instanceof Task.Regression regression) {
            metrics.put(Metrics.RMSE, Math.sqrt(squaredError / examples) * regression.scale());
            metrics.put(Metrics.MAE, absoluteError / examples * regression.scale());
        } else {
            // In float, as DJL's Accuracy evaluator computes it, so figures match earlier runs.
            metrics.put(Metrics.ACCURACY, (double) ((float) correct / examples));
        }
        return metrics;
    }

    /**
     * Returns the test-set names of the metrics: {@value Metrics#TEST_ACCURACY}, or {@value
     * Metrics#TEST_RMSE} and {@value Metrics#TEST_MAE}.
     *
     * @return the metrics, renamed for the test set
     */
    public Map<String, Double> testMetrics() {
        Map<String, Double> test = new LinkedHashMap<>();
        metrics()
                .forEach(
                        (name, value) ->
                                test.put(
                                        "test"
                                                + Character.toUpperCase(name.charAt(0))
                                                + name.substring(1),
                                        value));
        return test;
    }
}
