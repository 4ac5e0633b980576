package org.djlnas.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import org.djlnas.api.data.Task;
import org.djlnas.api.data.TaskMeasure;
import org.djlnas.testing.FreedMemory;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * The regression loss's gradient, {@code (prediction - label) / N}, stays right when garbage is
 * collected between the forward and the backward pass. With DJL's {@code L2Loss} on PyTorch, whose
 * ½ lived in a buffer the collector freed, it was wrong in most iterations (docs/numerics.md).
 */
class RegressionLossGradientTest {

    private static final int ITERATIONS = 100;

    @Test
    void gradientIsRightWhateverTheCollectorFrees() {
        Loss loss = TaskMeasure.loss(new Task.Regression("y", 0, 1));
        float[] predictions = {0.5f, -1f, 2f, 4f};
        float[] labels = {1f, 1f, 1f, 1f};
        int wrong = 0;
        try (NDManager manager = TestEngine.newManager()) {
            for (int i = 0; i < ITERATIONS; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray prediction = step.create(predictions).reshape(4, 1);
                    prediction.setRequiresGradient(true);
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        NDArray value =
                                loss.evaluate(
                                        new NDList(step.create(labels)), new NDList(prediction));
                        FreedMemory.collectAndOverwrite(step);
                        collector.backward(value);
                    }
                    float[] gradient = prediction.getGradient().toFloatArray();
                    for (int j = 0; j < gradient.length; j++) {
                        float expected = (predictions[j] - labels[j]) / predictions.length;
                        if (!(Math.abs(gradient[j] - expected) <= 1e-6f)) {
                            wrong++;
                            break;
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("iterations with a wrong gradient, of %d", ITERATIONS).isZero();
    }
}
