package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.IOException;
import java.util.Optional;
import org.djlnas.api.data.DataInput;
import org.djlnas.api.eval.TrialFailedException;

/**
 * The Jacobian covariance score (Mellor et al. 2020, "Neural Architecture Search without Training",
 * version 1; as {@code jacob_cov} in Abdelfattah et al. 2021): J the gradient of the sum of the
 * outputs with respect to each example of one minibatch in training mode (one row per example), Σ
 * the correlation matrix of those rows and λ its eigenvalues; the score is −Σ (log(λ + k) + 1/(λ +
 * k)), k = 1e-5. Larger is better: the closer the examples' Jacobians are to uncorrelated, the
 * higher. It needs inputs that can be differentiated, so not token ids.
 */
final class JacobianCovariance implements ZeroCostProxy {

    private static final double K = 1e-5;

    @Override
    public String id() {
        return "jacov";
    }

    @Override
    public String metric() {
        return "jacov";
    }

    @Override
    public String description() {
        return "Jacobian covariance on one minibatch (Mellor et al., v1)";
    }

    @Override
    public boolean usesData() {
        return true;
    }

    /**
     * Refuses token inputs, which cannot be differentiated.
     *
     * @param input the data's input
     */
    @Override
    public void checkInput(Optional<DataInput> input) {
        if (input.isPresent() && input.get() instanceof DataInput.Tokens) {
            throw new IllegalArgumentException(
                    "proxy 'jacov' differentiates the network with respect to its input, and token"
                            + " ids cannot be differentiated; use naswot, snip or grad-norm on"
                            + " text");
        }
    }

    @Override
    public double score(ProxyNetwork network) throws IOException, TrialFailedException {
        checkInput(network.input());
        ProxyNetwork.Minibatch batch = network.minibatch();
        NDArray inputs = batch.inputs().singletonOrThrow();
        int n = Math.toIntExact(inputs.getShape().get(0));
        Block block = network.initialized(DataType.FLOAT32, n);
        inputs.setRequiresGradient(true);
        Gradients.backward(network, block, new NDList(inputs), true, NDArray::sum);
        float[] gradient = inputs.getGradient().toType(DataType.FLOAT32, false).toFloatArray();
        int size = gradient.length / n;
        double[][] rows = new double[n][size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < size; j++) {
                rows[i][j] = gradient[i * size + j];
            }
        }
        double[] eigenvalues;
        try {
            eigenvalues = Matrices.symmetricEigenvalues(Matrices.correlation(rows));
        } catch (IllegalArgumentException e) {
            throw new TrialFailedException(
                    "jacov: an example's Jacobian is constant, so the correlation is undefined");
        }
        double sum = 0;
        for (double lambda : eigenvalues) {
            sum += Math.log(lambda + K) + 1 / (lambda + K);
        }
        return -sum;
    }
}
