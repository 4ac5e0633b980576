package org.djlnas.api.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.djlnas.api.engine.Scalars;

/**
 * Half the mean squared error, {@code mean((prediction - label)² / 2)}, as DJL's {@code L2Loss}
 * (and under its name), but with the ½ as an engine-made scalar: DJL's {@code mul(0.5f)} gave
 * PyTorch's backward pass a scalar in freed memory ({@link Scalars}).
 */
final class SquaredErrorLoss extends Loss {

    SquaredErrorLoss() {
        super("L2Loss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        NDArray label = labels.singletonOrThrow().reshape(prediction.getShape());
        NDArray squared = prediction.sub(label).square();
        try (NDArray half = Scalars.like(squared, 0.5f)) {
            return squared.mul(half).mean();
        }
    }
}
