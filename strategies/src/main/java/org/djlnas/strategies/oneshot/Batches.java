package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/** Reading a one-shot search's data sets batch by batch. */
final class Batches {

    private Batches() {}

    /**
     * Returns a data set's batches, their arrays in the given manager.
     *
     * @param dataset the data set
     * @param manager the manager of the batches
     * @return the batches, in the data set's order
     * @throws IOException if the data set cannot be read
     */
    static Iterable<Batch> of(Dataset dataset, NDManager manager) throws IOException {
        try {
            return dataset.getData(manager);
        } catch (TranslateException e) {
            throw new IOException("cannot read a batch: " + e.getMessage(), e);
        }
    }
}
