package org.djlnas.runtime.zerocost;

import ai.djl.nn.Block;
import java.io.IOException;

/**
 * The gradient norm (Abdelfattah et al. 2021): Σ ‖∂L/∂θ‖₂, one Euclidean norm per weight of a
 * convolution or linear layer, L the training loss of one minibatch in training mode. Larger is
 * better.
 */
final class GradNorm implements ZeroCostProxy {

    @Override
    public String id() {
        return "grad-norm";
    }

    @Override
    public String metric() {
        return "gradNorm";
    }

    @Override
    public String description() {
        return "Σ‖∂L/∂θ‖ over the weights, on one minibatch";
    }

    @Override
    public boolean usesData() {
        return true;
    }

    @Override
    public double score(ProxyNetwork network) throws IOException {
        Block block = Snip.LossGradients.backward(network);
        return Gradients.sumOverWeights(
                block, (weight, gradient) -> gradient.square().sum().sqrt());
    }
}
