package org.djlnas.spaces.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class PortableDropoutTest {

    @Test
    void dropsAndRescalesInTrainingAndPassesThroughAtInference() {
        PortableDropout dropout = new PortableDropout(0.3f);
        try (NDManager manager = TestEngine.newManager()) {
            dropout.initialize(manager, DataType.FLOAT32, new Shape(100, 100));
            NDList ones = new NDList(manager.ones(new Shape(100, 100)));
            ParameterStore store = new ParameterStore(manager, false);
            float[] trained = dropout.forward(store, ones, true).singletonOrThrow().toFloatArray();
            int zeros = 0;
            for (float value : trained) {
                if (value == 0) {
                    zeros++;
                } else {
                    assertThat(value).isCloseTo(1 / 0.7f, within(1e-5f));
                }
            }
            assertThat(zeros / 10_000.0).isCloseTo(0.3, within(0.03));
            assertThat(dropout.forward(store, ones, false).singletonOrThrow().toFloatArray())
                    .containsOnly(1f);
        }
        assertThatThrownBy(() -> new PortableDropout(1))
                .hasMessage("dropout rate is 1.0; expected a number in [0, 1)");
    }
}
