package org.djlnas.runtime.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times inference of an initialized network on the engine and device of its arrays: {@code warmUps}
 * untimed forward passes, then the median of {@code repeats} timed ones. Each pass runs in
 * evaluation mode (batch normalisation with its running statistics, dropout off), outside any
 * gradient collector, so no gradient is recorded; it ends when the output has been read back to the
 * host, which also waits for engines that compute asynchronously (MXNet). The input is a fixed
 * pseudo-random batch in [0, 1) made on the host. Threads are whatever the engine was started with
 * (the {@code nas} launcher's settings); other work on the machine, other trials included, slows
 * the passes down.
 *
 * @param warmUps untimed passes before the timed ones
 * @param repeats timed passes
 */
public record Latency(int warmUps, int repeats) {

    /** Default untimed passes. */
    public static final int DEFAULT_WARM_UPS = 2;

    /** Validates the fields. */
    public Latency {
        if (warmUps < 0) {
            throw new IllegalArgumentException("warmUps is " + warmUps + "; expected >= 0");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats is " + repeats + "; expected >= 1");
        }
    }

    /**
     * Measures the median milliseconds of one inference pass.
     *
     * @param network an initialized block
     * @param manager a manager on the engine and device to run on
     * @param inputShape the input's shape, batch axis included
     * @return the median over the timed passes, in milliseconds
     */
    public double medianMillis(Block network, NDManager manager, Shape inputShape) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = scope.create(inputValues(inputShape.size()), inputShape);
            ParameterStore parameters = new ParameterStore(scope, false);
            return medianMillis(
                    () -> {
                        try (NDManager passScope = scope.newSubManager()) {
                            passScope.tempAttachAll(input);
                            network.forward(parameters, new NDList(input), false)
                                    .head()
                                    .toByteArray();
                        }
                    });
        }
    }

    /**
     * Measures the median milliseconds of any inference pass, such as a {@code Predictor}'s on an
     * engine that runs exported models.
     *
     * @param pass one pass, which must read its output back to the host before it returns
     * @return the median over the timed passes, in milliseconds
     */
    public double medianMillis(Pass pass) {
        double[] millis = new double[repeats];
        for (int run = -warmUps; run < repeats; run++) {
            long start = System.nanoTime();
            pass.run();
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        return median(millis);
    }

    /** One inference pass. */
    @FunctionalInterface
    public interface Pass {

        /** Runs the pass. */
        void run();
    }

    /**
     * Returns the input values every latency measurement uses: a fixed pseudo-random sequence in
     * [0, 1).
     *
     * @param count how many values
     * @return the values
     */
    public static float[] inputValues(long count) {
        SplittableRandom random = new SplittableRandom(0);
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
