package org.djlnas.runtime.zerocost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.space.ReluProbe;

/**
 * NASWOT (Mellor et al. 2021, "Neural Architecture Search without Training", version 2): each
 * ReLU's units give every example of one minibatch a binary code (active or not); K[i][j] counts
 * the units where examples i and j agree (N_A minus their Hamming distance, summed over the ReLUs);
 * the score is log |det K|. Larger is better: the more distinct the examples' codes, the higher.
 *
 * <p>DJL blocks have no forward hooks, so the ReLU outputs are seen through a {@link ReluProbe}: a
 * parameter store that every block passes down, and that our operations' ReLUs (the {@code Relu}
 * and {@code PointwiseActivation} blocks and the ReLU of factorized reduce) tell their outputs to.
 * A network whose ReLUs are elsewhere (DJL's {@code Activation.reluBlock()}) shows none and fails
 * the trial. The forward pass runs in training mode, as in the reference code.
 */
final class Naswot implements ZeroCostProxy {

    @Override
    public String id() {
        return "naswot";
    }

    @Override
    public String metric() {
        return "naswot";
    }

    @Override
    public String description() {
        return "log-determinant of the ReLU codes' kernel on one minibatch (Mellor et al., v2)";
    }

    @Override
    public boolean usesData() {
        return true;
    }

    @Override
    public double score(ProxyNetwork network) throws IOException, TrialFailedException {
        ProxyNetwork.Minibatch batch = network.minibatch();
        int n = Math.toIntExact(batch.inputs().singletonOrThrow().getShape().get(0));
        Block block = network.initialized(DataType.FLOAT32, n);
        double[][] kernel = new double[n][n];
        int[] relus = {0};
        ReluProbe probe =
                new ReluProbe(
                        network.manager(),
                        output -> {
                            add(kernel, output, n);
                            relus[0]++;
                        });
        synchronized (EngineLocks.GRADIENTS) {
            try (GradientCollector collector =
                    network.manager().getEngine().newGradientCollector()) {
                block.forward(probe, batch.inputs(), true);
            }
        }
        if (relus[0] == 0) {
            throw new TrialFailedException(
                    "naswot: the network has no ReLU the proxy can see (see docs/zero-cost.md)");
        }
        return Matrices.logAbsDeterminant(kernel);
    }

    /** Adds c·cᵀ + (1 − c)·(1 − c)ᵀ of one ReLU's binary codes c to the kernel. */
    private static void add(double[][] kernel, NDArray output, int n) {
        NDArray codes = output.gt(0).toType(DataType.FLOAT32, false).reshape(n, -1);
        NDArray inactive = codes.neg().add(1);
        NDArray agreements =
                codes.matMul(codes.transpose()).add(inactive.matMul(inactive.transpose()));
        float[] values = agreements.toFloatArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kernel[i][j] += values[i * n + j];
            }
        }
    }
}
