package org.djlnas.api.oneshot;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import java.io.IOException;
import org.djlnas.api.data.Task;

/**
 * The two halves of the bilevel problem: examples that train the network's weights and examples
 * that train the architecture parameters. Both come from the training set; the test set is never
 * seen by a search.
 *
 * <p>Each epoch's order is a function of the epoch alone, so a search resumed at epoch {@code e}
 * sees the same batches as one that never stopped.
 */
public interface OneShotData {

    /**
     * Returns what the supernet learns, which chooses its loss and the metrics it reports.
     *
     * @return the task
     */
    Task task();

    /**
     * Returns the shape of one example, without the batch axis.
     *
     * @return the shape
     */
    Shape exampleShape();

    /**
     * Returns the batches of the weight steps of an epoch.
     *
     * @param epoch the epoch, counting from 1
     * @param batchSize the batch size
     * @return the data set, in that epoch's order
     * @throws IOException if the data cannot be read
     */
    Dataset weights(int epoch, int batchSize) throws IOException;

    /**
     * Returns the batches of the architecture steps of an epoch; they also measure the supernet on
     * validation examples.
     *
     * @param epoch the epoch, counting from 1
     * @param batchSize the batch size
     * @return the data set, in that epoch's order
     * @throws IOException if the data cannot be read
     */
    Dataset architecture(int epoch, int batchSize) throws IOException;
}
