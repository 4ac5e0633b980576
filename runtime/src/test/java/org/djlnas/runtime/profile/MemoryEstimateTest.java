package org.djlnas.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

    @Test
    void countsParametersOnceAndEveryOutputPerExample() {
        try (NDManager manager = TestEngine.newManager()) {
            SequentialBlock network =
                    new SequentialBlock()
                            .add(Linear.builder().setUnits(7).build())
                            .add(Activation.reluBlock());
            Networks.initialized(network, manager, new Shape(5, 13));
            MemoryEstimate estimate = MemoryEstimate.of(network);
            // Weight 7×13 and bias 7, float32.
            assertThat(estimate.parameterBytes()).isEqualTo((7L * 13 + 7) * 4);
            // The input (13), the linear output (7) and the ReLU output (7), float32.
            assertThat(estimate.activationBytesPerExample()).isEqualTo((13L + 7 + 7) * 4);
            assertThat(estimate.mebibytes(10))
                    .isEqualTo(((7 * 13 + 7) * 4 + 10 * 27 * 4) / (1024.0 * 1024.0));
        }
    }
}
