package org.djlnas.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.testing.TestEngine;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Latency.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Latency.median(new double[] {4, 1, 3, 10})).isEqualTo(3.5);
    }

    @Test
    void runsWarmUpsAndRepeatsInEvaluationModeAtTheGivenBatch() {
        try (NDManager manager = TestEngine.newManager()) {
            Recording network = new Recording();
            Networks.initialized(network, manager, new Shape(1, 6));
            double millis = new Latency(2, 5).medianMillis(network, manager, new Shape(32, 6));
            assertThat(network.batches).containsExactly(32L, 32L, 32L, 32L, 32L, 32L, 32L);
            assertThat(network.training).containsOnly(false);
            assertThat(millis).isFinite().isPositive().isLessThan(10_000);
        }
    }

    @Test
    void refusesNoRepeats() {
        assertThatThrownBy(() -> new Latency(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats");
    }

    /** A linear layer that records each forward pass's batch size and mode. */
    private static final class Recording extends AbstractBlock {

        private final Linear linear = addChildBlock("linear", Linear.builder().setUnits(3).build());
        private final List<Long> batches = new ArrayList<>();
        private final List<Boolean> training = new ArrayList<>();

        @Override
        protected NDList forwardInternal(
                ParameterStore parameterStore,
                NDList inputs,
                boolean training,
                @Nullable PairList<String, Object> params) {
            batches.add(inputs.head().getShape().get(0));
            this.training.add(training);
            return linear.forward(parameterStore, inputs, training, params);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return linear.getOutputShapes(inputShapes);
        }

        @Override
        protected void initializeChildBlocks(
                NDManager manager, ai.djl.ndarray.types.DataType dataType, Shape... inputShapes) {
            linear.initialize(manager, dataType, inputShapes);
        }
    }
}
