package org.djlnas.runtime.zerocost;

import static java.util.Objects.requireNonNull;

import org.djlnas.api.data.DataSource;
import org.djlnas.api.data.DataSplit;

/**
 * Where a proxy's minibatch comes from.
 *
 * @param data the data set
 * @param split the experiment's train/validation split (the minibatch is drawn from the training
 *     part)
 * @param maxTrainExamples the cap on the training examples, or 0 for all
 * @param batchSize the minibatch's size
 */
record ProxyData(DataSource data, DataSplit split, int maxTrainExamples, int batchSize) {

    /** Checks the fields. */
    ProxyData {
        requireNonNull(data, "data is null");
        requireNonNull(split, "split is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + "; expected at least 1");
        }
    }
}
