package org.djlnas.engine.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks PyTorch's convolution gradients with respect to the input against the same computation in
 * double precision (which does not use oneDNN). With PyTorch 2.7.1, oneDNN's AVX2 and AVX-512
 * backward-data kernels give wrong input gradients on this project's machines for small channel
 * counts and batches of more than one example; the test configuration sets {@code
 * ONEDNN_MAX_CPU_ISA=SSE41}, whose kernels are exact. The {@code nas} launcher chooses the cap per
 * CPU with {@code nas check-kernels}, which includes these cases.
 */
class ConvolutionGradientTest {

    @ParameterizedTest(name = "batch {0}, {1} channels, {2}x{2}, kernel {3}")
    @CsvSource({"2, 4, 8, 3", "16, 4, 8, 3", "64, 8, 28, 3", "16, 8, 14, 5", "16, 16, 7, 1"})
    void inputGradientsMatchDoublePrecision(int batch, int channels, int size, int kernel) {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            NDArray x = manager.randomNormal(new Shape(batch, channels, size, size));
            NDArray w = manager.randomNormal(new Shape(channels, channels, kernel, kernel));
            NDArray r = manager.randomNormal(new Shape(batch, channels, size, size));
            NDArray single = inputGradient(manager, x, w, r, kernel / 2);
            NDArray reference =
                    inputGradient(
                            manager,
                            x.toType(DataType.FLOAT64, true),
                            w.toType(DataType.FLOAT64, true),
                            r.toType(DataType.FLOAT64, true),
                            kernel / 2);
            double error =
                    single.toType(DataType.FLOAT64, false).sub(reference).abs().max().getDouble();
            double scale = reference.abs().max().getDouble();
            assertThat(error / scale)
                    .as(
                            "largest error relative to the largest gradient (%s)",
                            System.getenv("ONEDNN_MAX_CPU_ISA"))
                    .isLessThan(1e-5);
        }
    }

    private static NDArray inputGradient(
            NDManager manager, NDArray x, NDArray w, NDArray r, int padding) {
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray y =
                    Conv2d.conv2d(
                                    input,
                                    w,
                                    null,
                                    new Shape(1, 1),
                                    new Shape(padding, padding),
                                    new Shape(1, 1),
                                    1)
                            .singletonOrThrow();
            collector.backward(y.mul(r).sum());
        }
        return input.getGradient().duplicate();
    }
}
