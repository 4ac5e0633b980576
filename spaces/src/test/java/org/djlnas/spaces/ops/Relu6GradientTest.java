package org.djlnas.spaces.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import org.djlnas.testing.FreedMemory;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * ReLU6's gradient (1 strictly between 0 and 6, else 0) stays exact when garbage is collected
 * between the forward and the backward pass. With DJL's {@code Activation.relu6} on PyTorch, whose
 * 6 lived in a buffer the collector freed, it was wrong in most iterations (docs/numerics.md).
 */
class Relu6GradientTest {

    private static final int ITERATIONS = 100;

    @Test
    void gradientIsExactWhateverTheCollectorFrees() {
        float[] inputs = {-2f, -0.5f, 0.5f, 3f, 5.5f, 6.5f, 8f, 100f};
        float[] expected = {0f, 0f, 1f, 1f, 1f, 0f, 0f, 0f};
        int wrong = 0;
        try (NDManager manager = TestEngine.newManager()) {
            for (int i = 0; i < ITERATIONS; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(inputs);
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        NDArray y = new Relu6().apply(x);
                        FreedMemory.collectAndOverwrite(step);
                        collector.backward(y.sum());
                    }
                    if (!Arrays.equals(x.getGradient().toFloatArray(), expected)) {
                        wrong++;
                    }
                }
            }
        }
        assertThat(wrong).as("iterations with a wrong gradient, of %d", ITERATIONS).isZero();
    }
}
