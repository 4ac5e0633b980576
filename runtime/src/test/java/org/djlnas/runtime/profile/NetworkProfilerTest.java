package org.djlnas.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Set;
import org.djlnas.api.eval.Metrics;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.spaces.baseline.SmallCnnProvider;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class NetworkProfilerTest {

    private final SearchSpace smallCnn = Networks.space(new SmallCnnProvider(), Map.of());
    private final NetworkProfiler profiler =
            new NetworkProfiler(
                    TestEngine.name(), Device.cpu(), new Shape(1, 28, 28), 16, new Latency(1, 3));

    @Test
    void measuresOnlyWhatIsAsked() {
        Map<String, Double> measured =
                profiler.measureUntrained(
                        smallCnn.compile(smallCnn.choices().sample(new java.util.Random(0))),
                        7,
                        Set.of(Metrics.FLOPS, Metrics.PARAMETERS));
        assertThat(measured)
                .containsOnlyKeys(Metrics.FLOPS, Metrics.PARAMETERS)
                .containsEntry(Metrics.FLOPS, 3_869_824.0)
                // 32·9 + 32, 64·32·9 + 64, 3136·10 + 10
                .containsEntry(Metrics.PARAMETERS, 320.0 + 18_496 + 31_370);
    }

    @Test
    void measuresEveryMetricOfAnUntrainedNetwork() {
        Map<String, Double> measured =
                profiler.measureUntrained(
                        smallCnn.compile(smallCnn.choices().sample(new java.util.Random(0))),
                        7,
                        NetworkProfiler.METRICS);
        assertThat(measured).containsOnlyKeys(NetworkProfiler.METRICS);
        assertThat(measured.get(Metrics.LATENCY_MS)).isFinite().isPositive();
        assertThat(measured.get(Metrics.LATENCY_BATCH_MS)).isFinite().isPositive();
        // Parameters (50,186 floats) plus 16 examples of the input and every leaf's output (the
        // channel check 784, convolution and ReLU 25,088 each, pooling 6,272, convolution and ReLU
        // 12,544 each, pooling and flatten 3,136 each, linear 10 floats), in MiB.
        double floats = 50_186 + 16 * (2 * 784 + 2 * 25_088 + 6_272 + 2 * 12_544 + 2 * 3_136 + 10);
        assertThat(measured.get(Metrics.PEAK_MEMORY_MB)).isEqualTo(floats * 4 / (1024.0 * 1024));
    }

    @Test
    void refusesAMetricThatNeedsTraining() {
        assertThatThrownBy(
                        () ->
                                profiler.measureUntrained(
                                        smallCnn.compile(
                                                smallCnn.choices().sample(new java.util.Random(0))),
                                        7,
                                        Set.of(Metrics.ACCURACY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'accuracy' cannot be measured before training");
    }
}
