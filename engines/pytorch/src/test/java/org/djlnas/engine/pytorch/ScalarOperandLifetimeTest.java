package org.djlnas.engine.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.BiFunction;
import org.djlnas.testing.FreedMemory;
import org.junit.jupiter.api.Test;

/**
 * The cause of the random divergence once blamed on oneDNN's AVX kernels (docs/numerics.md; {@code
 * org.djlnas.api.engine.Scalars}). DJL 0.36.0's PyTorch engine turns the Java number of {@code
 * x.mul(2.5f)} (and {@code div}, {@code maximum}, {@code minimum}, ...) into a tensor over a direct
 * {@code ByteBuffer} with {@code torch::from_blob}, which does not copy or own the memory, and
 * closes that array right after the operation. Autograd keeps the tensor for the backward pass, but
 * closing the array drops DJL's reference to the buffer; once the garbage collector frees it the
 * backward pass reads whatever the memory now holds. A scalar made by the engine ({@code
 * manager.full}) owns its storage and is exact whatever happens to the Java array.
 */
class ScalarOperandLifetimeTest {

    private static final int ITERATIONS = 150;
    private static final float FACTOR = 2.5f;

    @Test
    void javaNumberOperandCorruptsGradientsOnceCollected() {
        // Upstream behaviour: if DJL fixes it this test fails, and the work-around
        // (org.djlnas.api.engine.Scalars) can go.
        int wrong = wrongGradients((x, manager) -> x.mul(FACTOR));
        assertThat(wrong).as("wrong gradients out of %d", ITERATIONS).isGreaterThan(ITERATIONS / 4);
    }

    @Test
    void engineScalarOperandIsExactEvenWhenClosedAtOnce() {
        int wrong =
                wrongGradients(
                        (x, manager) -> {
                            try (NDArray scalar = manager.full(new Shape(), FACTOR)) {
                                return x.mul(scalar);
                            }
                        });
        assertThat(wrong).as("wrong gradients out of %d", ITERATIONS).isZero();
    }

    /**
     * Runs {@code y = op(x)} on the tape, collects garbage and reuses freed native memory before
     * the backward pass, and counts the iterations whose gradient of {@code sum(y)} is not exactly
     * {@link #FACTOR}.
     */
    private static int wrongGradients(BiFunction<NDArray, NDManager, NDArray> op) {
        int wrong = 0;
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            for (int i = 0; i < ITERATIONS; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.randomNormal(new Shape(64));
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        NDArray y = op.apply(x, step);
                        FreedMemory.collectAndOverwrite(step);
                        collector.backward(y.sum());
                    }
                    for (float gradient : x.getGradient().toFloatArray()) {
                        if (gradient != FACTOR) {
                            wrong++;
                            break;
                        }
                    }
                }
            }
        }
        return wrong;
    }
}
