package org.djlnas.runtime.profile;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.engine.EngineLocks;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.space.ParameterCount;

/**
 * Measures a network without training it, on one engine and device: {@value Metrics#PARAMETERS}
 * (trainable), {@value Metrics#FLOPS} (multiply-adds per example, {@link MultiplyAdds}), {@value
 * Metrics#LATENCY_MS} (median milliseconds of an inference pass of one example, {@link Latency}),
 * {@value Metrics#LATENCY_BATCH_MS} (the same for a batch of {@code batchSize} examples) and
 * {@value Metrics#PEAK_MEMORY_MB} (an estimate for a batch of {@code batchSize} examples, {@link
 * MemoryEstimate}).
 */
public final class NetworkProfiler {

    /** The metrics a profiler measures. */
    public static final Set<String> METRICS =
            Set.of(
                    Metrics.PARAMETERS,
                    Metrics.FLOPS,
                    Metrics.LATENCY_MS,
                    Metrics.LATENCY_BATCH_MS,
                    Metrics.PEAK_MEMORY_MB);

    private final String engineName;
    private final Device device;
    private final Shape exampleShape;
    private final int batchSize;
    private final Latency latency;

    /**
     * Creates a profiler.
     *
     * @param engineName the engine to run on
     * @param device the device to run on
     * @param exampleShape the shape of one example, without the batch axis
     * @param batchSize the examples of a batch, for {@value Metrics#LATENCY_BATCH_MS} and {@value
     *     Metrics#PEAK_MEMORY_MB}
     * @param latency how latency is timed
     */
    public NetworkProfiler(
            String engineName, Device device, Shape exampleShape, int batchSize, Latency latency) {
        this.engineName = requireNonNull(engineName, "engineName is null");
        this.device = requireNonNull(device, "device is null");
        this.exampleShape = requireNonNull(exampleShape, "exampleShape is null");
        this.latency = requireNonNull(latency, "latency is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is " + batchSize + "; expected >= 1");
        }
        this.batchSize = batchSize;
    }

    /**
     * Returns the examples of the batch {@value Metrics#LATENCY_BATCH_MS} times.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Initializes a fresh network as training would (weights He-normal, drawn from the engine's
     * generator seeded with {@code seed}) in a model of its own, and measures it.
     *
     * @param network a compiled, uninitialized block
     * @param seed the engine's random seed for its weights
     * @param metrics which of {@link #METRICS} to measure
     * @return the measured metrics
     * @throws IllegalArgumentException if a metric is not one of {@link #METRICS}, or if {@value
     *     Metrics#FLOPS} or {@value Metrics#PEAK_MEMORY_MB} is asked of a network holding an
     *     operation the profiler does not know
     */
    public Map<String, Double> measureUntrained(Block network, int seed, Set<String> metrics) {
        check(metrics);
        try (Model model = Model.newInstance("profile", device, engineName)) {
            model.setBlock(network);
            network.setInitializer(
                    new XavierInitializer(
                            XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN,
                            2),
                    Parameter.Type.WEIGHT);
            synchronized (EngineLocks.RANDOM) {
                Engine.getEngine(engineName).setRandomSeed(seed);
                network.initialize(
                        model.getNDManager(), DataType.FLOAT32, new Shape(1).addAll(exampleShape));
            }
            return measure(network, model.getNDManager(), metrics);
        }
    }

    /**
     * Measures an initialized network.
     *
     * @param network an initialized block (any batch size)
     * @param manager a manager on this profiler's engine and device
     * @param metrics which of {@link #METRICS} to measure
     * @return the measured metrics, in the order of the names below
     * @throws IllegalArgumentException if a metric is not one of {@link #METRICS}, or if {@value
     *     Metrics#FLOPS} or {@value Metrics#PEAK_MEMORY_MB} is asked of a network holding an
     *     operation the profiler does not know
     */
    public Map<String, Double> measure(Block network, NDManager manager, Set<String> metrics) {
        check(metrics);
        Map<String, Double> measured = new LinkedHashMap<>();
        if (metrics.contains(Metrics.PARAMETERS)) {
            measured.put(Metrics.PARAMETERS, (double) ParameterCount.trainable(network));
        }
        if (metrics.contains(Metrics.FLOPS)) {
            measured.put(Metrics.FLOPS, (double) MultiplyAdds.of(network).total());
        }
        if (metrics.contains(Metrics.PEAK_MEMORY_MB)) {
            measured.put(Metrics.PEAK_MEMORY_MB, MemoryEstimate.of(network).mebibytes(batchSize));
        }
        if (metrics.contains(Metrics.LATENCY_MS)) {
            measured.put(
                    Metrics.LATENCY_MS,
                    latency.medianMillis(network, manager, new Shape(1).addAll(exampleShape)));
        }
        if (metrics.contains(Metrics.LATENCY_BATCH_MS)) {
            measured.put(
                    Metrics.LATENCY_BATCH_MS,
                    latency.medianMillis(
                            network, manager, new Shape(batchSize).addAll(exampleShape)));
        }
        return measured;
    }

    private static void check(Set<String> metrics) {
        for (String metric : metrics) {
            if (!METRICS.contains(metric)) {
                throw new IllegalArgumentException(
                        "metric '"
                                + metric
                                + "' cannot be measured before training; expected one of "
                                + METRICS);
            }
        }
    }
}
