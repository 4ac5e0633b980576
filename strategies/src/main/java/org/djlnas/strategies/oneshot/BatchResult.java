package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;

/**
 * The loss and the task's metrics of one batch.
 *
 * @param loss the mean loss
 * @param measure the batch's predictions measured by the task
 */
record BatchResult(double loss, TaskMeasure measure) {

    static BatchResult of(NDArray loss, NDArray outputs, NDArray labels, Task task) {
        TaskMeasure measure = new TaskMeasure(task);
        measure.add(labels, outputs);
        return new BatchResult(loss.getFloat(), measure);
    }

    long examples() {
        return measure.examples();
    }
}
