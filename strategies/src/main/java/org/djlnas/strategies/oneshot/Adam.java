package org.djlnas.strategies.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay added to the gradient, with PyTorch's semantics (bias-corrected
 * moments, ε added after the square root), and moments that can be checkpointed.
 */
final class Adam {

    private final List<NDArray> parameters;
    private final List<NDArray> first;
    private final List<NDArray> second;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double epsilon;
    private long steps;

    Adam(
            List<NDArray> parameters,
            double learningRate,
            double beta1,
            double beta2,
            double weightDecay,
            double epsilon) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.epsilon = epsilon;
        this.first = new ArrayList<>();
        this.second = new ArrayList<>();
        for (NDArray parameter : parameters) {
            first.add(parameter.zerosLike());
            second.add(parameter.zerosLike());
        }
    }

    /**
     * Updates the parameters in place from the given gradients.
     *
     * @param gradients one gradient per parameter
     */
    void step(List<NDArray> gradients) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray parameter = parameters.get(i);
            NDArray gradient = gradients.get(i).add(parameter.mul(weightDecay));
            first.get(i).muli(beta1).addi(gradient.mul(1 - beta1));
            second.get(i).muli(beta2).addi(gradient.square().mul(1 - beta2));
            NDArray denominator = second.get(i).div(correction2).sqrt().add(epsilon);
            parameter.subi(first.get(i).div(denominator).mul(learningRate / correction1));
        }
    }

    long steps() {
        return steps;
    }

    NDList state() {
        NDList state = new NDList(first);
        state.addAll(second);
        return state;
    }

    void load(NDList state, long restoredSteps) {
        if (state.size() != 2 * parameters.size()) {
            throw new IllegalArgumentException(
                    "the checkpoint holds "
                            + state.size()
                            + " Adam moments; expected "
                            + 2 * parameters.size());
        }
        Checkpoints.copyInto(
                new NDList(state.subList(0, parameters.size())), first, "Adam moments");
        Checkpoints.copyInto(
                new NDList(state.subList(parameters.size(), state.size())), second, "Adam moments");
        this.steps = restoredSteps;
    }
}
