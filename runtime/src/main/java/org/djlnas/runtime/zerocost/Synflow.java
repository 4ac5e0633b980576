package org.djlnas.runtime.zerocost;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.djlnas.api.eval.TrialFailedException;

/**
 * Synaptic flow (Tanaka et al. 2020, as a zero-cost proxy in Abdelfattah et al. 2021): every
 * parameter replaced by its absolute value, one input of all ones and no data, R the sum of the
 * output; the score is Σ |θ ⊙ ∂R/∂θ| over the weights of convolutions and linear layers. Computed
 * in double precision, as the reference code does to avoid overflow. The reference removes batch
 * normalisation; here the network runs in inference mode with its untouched running statistics
 * (mean 0, variance 1), which makes each batch norm the identity up to the factor 1/√(1 + ε), on
 * every engine (MXNet through its inference-mode gradient collector). Larger is better.
 */
final class Synflow implements ZeroCostProxy {

    @Override
    public String id() {
        return "synflow";
    }

    @Override
    public String metric() {
        return "synflow";
    }

    @Override
    public String description() {
        return "synaptic flow: Σ|θ·∂R/∂θ| with |θ| and an all-ones input, no data, in float64";
    }

    @Override
    public boolean usesData() {
        return false;
    }

    @Override
    public double score(ProxyNetwork network) throws TrialFailedException {
        Block block;
        try {
            block = network.initialized(DataType.FLOAT64, 1);
        } catch (EngineException | UnsupportedOperationException e) {
            throw new TrialFailedException(
                    "engine "
                            + network.engineName()
                            + " cannot initialise this network in double precision, which synflow"
                            + " needs: "
                            + e.getMessage());
        }
        return score(network, block);
    }

    /**
     * Scores a network already initialised in double precision; its parameters become their
     * absolute values.
     *
     * @param network the network
     * @param block its initialised block, of float64 parameters
     * @return the score
     */
    static double score(ProxyNetwork network, Block block) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray value = parameter.getArray();
            // Unmarked first: MXNet would keep the old array's mark and not mark the new one.
            value.setRequiresGradient(false);
            value.intern(value.abs());
            if (parameter.requiresGradient()) {
                value.setRequiresGradient(true);
            }
        }
        NDArray ones =
                network.manager()
                        .ones(new Shape(1).addAll(network.exampleShape()), DataType.FLOAT64);
        Gradients.backward(network, block, new NDList(ones), false, NDArray::sum);
        return Gradients.sumOverWeights(
                block, (weight, gradient) -> weight.mul(gradient).abs().sum());
    }
}
