package org.djlnas.engine.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.junit.jupiter.api.Test;

/**
 * Image batches in PyTorch's channels-last memory ({@link ImageMemoryFormat#CHANNELS_LAST}, which
 * {@link PyTorchSupport} declares): the same values behind the same shape, and the same
 * convolution, normalisation and pooling results and gradients as the contiguous layout.
 */
class ChannelsLastImagesTest {

    private static final Shape IMAGES = new Shape(4, 3, 9, 7);

    @Test
    void pyTorchDeclaresChannelsLast() {
        assertThat(new PyTorchSupport().imageMemoryFormat())
                .isEqualTo(ImageMemoryFormat.CHANNELS_LAST);
    }

    @Test
    void arrangedBatchHasTheSameShapeAndValues() {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray images = manager.randomNormal(IMAGES);
            NDArray single = manager.randomNormal(new Shape(4, 1, 5, 5));
            NDArray labels = manager.arange(4f);
            NDList arranged =
                    ImageMemoryFormat.CHANNELS_LAST.arrange(new NDList(images, single, labels));
            assertThat(arranged).hasSize(3);
            assertThat(arranged.get(0).getShape()).isEqualTo(IMAGES);
            assertThat(arranged.get(0).toFloatArray()).containsExactly(images.toFloatArray());
            assertThat(arranged.get(1).toFloatArray()).containsExactly(single.toFloatArray());
            assertThat(arranged.get(2)).isSameAs(labels);
            NDList inputs = new NDList(images);
            assertThat(ImageMemoryFormat.CONTIGUOUS.arrange(inputs)).isSameAs(inputs);
            NDList noImages = new NDList(labels);
            assertThat(ImageMemoryFormat.CHANNELS_LAST.arrange(noImages)).isSameAs(noImages);
        }
    }

    @Test
    void separableConvolutionGivesTheSameOutputsAndGradients() {
        float[][] contiguous = outputAndGradients(ImageMemoryFormat.CONTIGUOUS);
        float[][] channelsLast = outputAndGradients(ImageMemoryFormat.CHANNELS_LAST);
        for (int i = 0; i < contiguous.length; i++) {
            assertThat(channelsLast[i]).hasSameSizeAs(contiguous[i]);
            for (int j = 0; j < contiguous[i].length; j++) {
                assertThat(channelsLast[i][j])
                        .as("array %d element %d", i, j)
                        .isCloseTo(contiguous[i][j], offset(1e-4f));
            }
        }
    }

    /**
     * Runs ReLU, a 5×5 depthwise and a 1×1 convolution, batch normalisation and 3×3 max pooling
     * over a seeded batch in the given format, and returns the output, the input's gradient and the
     * two convolution weights' gradients.
     */
    private static float[][] outputAndGradients(ImageMemoryFormat format) {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            NDArray images = manager.randomNormal(IMAGES);
            NDArray depthwise = manager.randomNormal(new Shape(3, 1, 5, 5));
            NDArray pointwise = manager.randomNormal(new Shape(6, 3, 1, 1));
            NDArray gamma = manager.ones(new Shape(6));
            NDArray beta = manager.zeros(new Shape(6));
            for (NDArray array : new NDArray[] {images, depthwise, pointwise}) {
                array.setRequiresGradient(true);
            }
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray x = format.arrange(new NDList(images)).singletonOrThrow();
                NDArray y =
                        Conv2d.conv2d(
                                        Activation.relu(x),
                                        depthwise,
                                        null,
                                        new Shape(1, 1),
                                        new Shape(2, 2),
                                        new Shape(1, 1),
                                        3)
                                .singletonOrThrow();
                y = Conv2d.conv2d(y, pointwise).singletonOrThrow();
                y =
                        BatchNorm.batchNorm(
                                        y,
                                        manager.zeros(new Shape(6)),
                                        manager.ones(new Shape(6)),
                                        gamma,
                                        beta,
                                        1,
                                        0.9f,
                                        1e-5f,
                                        true)
                                .singletonOrThrow();
                y = Pool.maxPool2d(y, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
                NDArray weights = manager.randomUniform(0, 1, y.getShape());
                collector.backward(y.mul(weights).sum());
                return new float[][] {
                    y.toFloatArray(),
                    images.getGradient().toFloatArray(),
                    depthwise.getGradient().toFloatArray(),
                    pointwise.getGradient().toFloatArray()
                };
            }
        }
    }
}
