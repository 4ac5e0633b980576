package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, with PyTorch's semantics ({@code d
 * = g + λw; b = μb + d; w -= ηb}), and momentum buffers that can be checkpointed.
 */
final class MomentumSgd {

    private final List<NDArray> weights;
    private final List<NDArray> buffers;
    private final double momentum;
    private final double weightDecay;

    MomentumSgd(List<NDArray> weights, double momentum, double weightDecay) {
        this.weights = List.copyOf(weights);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buffers = new ArrayList<>();
        for (NDArray weight : weights) {
            buffers.add(weight.zerosLike());
        }
    }

    /**
     * Updates the weights in place from their gradients.
     *
     * @param learningRate the learning rate of this step
     */
    void step(double learningRate) {
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            NDArray direction = weight.getGradient().add(weight.mul(weightDecay));
            buffers.get(i).muli(momentum).addi(direction);
            weight.subi(buffers.get(i).mul(learningRate));
        }
    }

    /**
     * Returns the step the optimizer would take without taking it, for the unrolled model of
     * second-order DARTS: {@code μb + g + λw}.
     *
     * @return one array per weight
     */
    List<NDArray> direction() {
        List<NDArray> directions = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            directions.add(
                    buffers.get(i)
                            .mul(momentum)
                            .add(weight.getGradient())
                            .add(weight.mul(weightDecay)));
        }
        return directions;
    }

    NDList state() {
        return new NDList(buffers);
    }

    void load(NDList state) {
        Checkpoints.copyInto(state, buffers, "momentum buffers");
    }
}
