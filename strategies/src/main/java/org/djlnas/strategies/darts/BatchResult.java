package org.djlnas.strategies.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The loss and accuracy of one batch.
 *
 * @param loss the mean loss
 * @param correct examples classified correctly
 * @param examples examples in the batch
 */
record BatchResult(double loss, long correct, long examples) {

    static BatchResult of(NDArray loss, NDArray logits, NDArray labels) {
        long correct =
                logits.argMax(1)
                        .toType(labels.getDataType(), false)
                        .eq(labels)
                        .sum()
                        .toType(DataType.INT64, false)
                        .getLong();
        return new BatchResult(loss.getFloat(), correct, labels.getShape().get(0));
    }
}
