package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.Function;
import org.djlnas.api.engine.EngineLocks;

/** The forward and backward passes the gradient-based proxies share, and sums over weights. */
final class Gradients {

    private Gradients() {}

    /**
     * Runs a forward pass and back-propagates the scalar made of its output, holding the engine's
     * one gradient collector; afterwards every parameter (and every input that asked for it) holds
     * its gradient.
     *
     * @param network the network
     * @param block its initialised block
     * @param inputs the inputs
     * @param training whether to run in training mode (batch norm over the batch's statistics) or
     *     in inference mode (over its running statistics)
     * @param objective the scalar to differentiate, from the output
     */
    static void backward(
            ProxyNetwork network,
            Block block,
            NDList inputs,
            boolean training,
            Function<NDArray, NDArray> objective) {
        synchronized (EngineLocks.GRADIENTS) {
            try (GradientCollector collector = network.newGradientCollector(training)) {
                NDArray output =
                        block.forward(
                                        new ParameterStore(network.manager(), false),
                                        inputs,
                                        training)
                                .singletonOrThrow();
                collector.backward(objective.apply(output));
            }
        }
    }

    /**
     * Adds up a measure of each weight and its gradient over the weights of a block: the parameters
     * of DJL's type {@code WEIGHT} (the kernels of convolutions, linear layers and embeddings, as
     * the reference code's convolution and linear layers), not biases or batch normalisation's
     * scale and shift.
     *
     * @param block the block, after a backward pass
     * @param measure a scalar array of one weight and its gradient
     * @return the sum, in double precision
     */
    static double sumOverWeights(Block block, WeightMeasure measure) {
        double sum = 0;
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.getType() != Parameter.Type.WEIGHT || !parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            NDArray value = measure.apply(weight, weight.getGradient());
            sum += scalar(value);
        }
        return sum;
    }

    /**
     * Reads a scalar array as a double.
     *
     * @param value the array
     * @return its value
     */
    static double scalar(NDArray value) {
        return value.getDataType() == DataType.FLOAT64
                ? value.getDouble()
                : value.toType(DataType.FLOAT64, false).getDouble();
    }

    /** A scalar measure of a weight and its gradient. */
    @FunctionalInterface
    interface WeightMeasure {
        /**
         * Measures a weight.
         *
         * @param weight the weight
         * @param gradient its gradient
         * @return a scalar array
         */
        NDArray apply(NDArray weight, NDArray gradient);
    }
}
