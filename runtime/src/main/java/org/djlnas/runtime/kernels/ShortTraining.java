package org.djlnas.runtime.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.djlnas.api.engine.Scalars;

/**
 * A few SGD steps of a network on random images and labels, in single and double precision side by
 * side from the same weights: every loss and gradient must be finite and stay close to the
 * reference.
 */
final class ShortTraining {

    private static final float LEARNING_RATE = 0.05f;

    private ShortTraining() {}

    /**
     * Trains both copies and returns the worst relative error of the single-precision losses and
     * gradients, step by step.
     *
     * @param manager where everything lives
     * @param network the network
     * @param steps the SGD steps
     * @param comparison how results are compared
     * @return the worst relative error over every step, infinite if any loss or gradient was not
     *     finite
     */
    static double worstError(
            NDManager manager, NetworkCases.Network network, int steps, Comparison comparison) {
        Block single = NetworkCases.initialize(manager, network, DataType.FLOAT32, null);
        Block reference = NetworkCases.initialize(manager, network, DataType.FLOAT64, single);
        double worst = 0;
        for (int step = 0; step < steps; step++) {
            NDArray images = manager.randomNormal(NetworkCases.INPUT);
            NDArray labels =
                    manager.randomInteger(
                            0,
                            NetworkCases.CLASSES,
                            new Shape(NetworkCases.INPUT.get(0)),
                            DataType.INT32);
            NDList singleResults = step(manager, single, images, labels);
            NDList referenceResults =
                    step(manager, reference, images.toType(DataType.FLOAT64, true), labels);
            worst =
                    Math.max(
                            worst,
                            comparison.worst(
                                    singleResults, referenceResults, Comparison.Norm.EUCLIDEAN));
            update(single);
            update(reference);
        }
        return worst;
    }

    private static NDList step(NDManager manager, Block block, NDArray images, NDArray labels) {
        NDArray loss;
        try (var collector = manager.getEngine().newGradientCollector()) {
            NDArray logits =
                    block.forward(new ParameterStore(manager, false), new NDList(images), true)
                            .singletonOrThrow();
            NDArray targets = labels.oneHot(NetworkCases.CLASSES, logits.getDataType());
            loss = logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
            collector.backward(loss);
        }
        NDList results = new NDList(loss);
        results.addAll(NetworkCases.gradients(block));
        return results;
    }

    private static void update(Block block) {
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                NDArray gradient = p.getArray().getGradient();
                p.getArray().subi(gradient.mul(Scalars.like(gradient, LEARNING_RATE)));
            }
        }
    }
}
