package org.djlnas.runtime.training;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/** Reads a data set's batches, reporting a failure to read as an {@link IOException}. */
final class DataBatches {

    private DataBatches() {}

    /**
     * Returns one pass over the data set's batches.
     *
     * @param dataset the data set
     * @param manager the manager the batches' arrays are made on
     * @return the batches, each to be closed after use
     * @throws IOException if the data cannot be read
     */
    static Iterable<Batch> of(RandomAccessDataset dataset, NDManager manager) throws IOException {
        try {
            return dataset.getData(manager);
        } catch (TranslateException e) {
            throw new IOException("cannot read data set " + dataset + ": " + e.getMessage(), e);
        }
    }
}
