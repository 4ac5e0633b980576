package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.IOException;

/**
 * SNIP's connection sensitivity (Lee et al. 2019, as a zero-cost proxy in Abdelfattah et al. 2021):
 * Σ |θ ⊙ ∂L/∂θ| over the weights of convolutions and linear layers, L the training loss of one
 * minibatch in training mode. Larger is better.
 */
final class Snip implements ZeroCostProxy {

    @Override
    public String id() {
        return "snip";
    }

    @Override
    public String metric() {
        return "snip";
    }

    @Override
    public String description() {
        return "connection sensitivity: Σ|θ·∂L/∂θ| on one minibatch";
    }

    @Override
    public boolean usesData() {
        return true;
    }

    @Override
    public double score(ProxyNetwork network) throws IOException {
        Block block = LossGradients.backward(network);
        return Gradients.sumOverWeights(
                block, (weight, gradient) -> weight.mul(gradient).abs().sum());
    }

    /** The backward pass of the loss of one minibatch, shared with {@link GradNorm}. */
    static final class LossGradients {

        private LossGradients() {}

        static Block backward(ProxyNetwork network) throws IOException {
            ProxyNetwork.Minibatch batch = network.minibatch();
            Block block =
                    network.initialized(
                            DataType.FLOAT32, batch.inputs().singletonOrThrow().getShape().get(0));
            var loss = network.loss();
            Gradients.backward(
                    network,
                    block,
                    batch.inputs(),
                    true,
                    output -> loss.evaluate(new NDList(batch.labels()), new NDList(output)));
            return block;
        }
    }
}
