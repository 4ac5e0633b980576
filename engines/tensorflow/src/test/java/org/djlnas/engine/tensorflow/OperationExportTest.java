package org.djlnas.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.djlnas.spaces.ops.PointwiseActivation;
import org.djlnas.spaces.ops.PointwiseActivation.Kind;
import org.djlnas.spaces.ops.PortableDropout;
import org.djlnas.spaces.ops.ReferenceLogit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exports one small network per {@link org.djlnas.api.export.GraphBuilder} operation and variant,
 * with random weights on PyTorch, and checks that DJL's TensorFlow engine, running the SavedModel,
 * computes what PyTorch computes on the same random batch.
 */
class OperationExportTest {

    private static final Shape IMAGE = new Shape(4, 9, 9);
    private static final Shape WIDE_IMAGE = new Shape(3, 5, 7);

    /** A row of encoded table features, as the mlp space reads it. */
    private static final Shape FEATURES = new Shape(12);

    static Stream<Arguments> networks() {
        return Stream.of(
                network("conv 3x3, padding 1, bias", IMAGE, () -> conv(6, 3, 1, 1, 1, 1, true)),
                network("conv 3x3, stride 2, no bias", IMAGE, () -> conv(6, 3, 2, 1, 1, 1, false)),
                network(
                        "conv 3x3, dilation 2, padding 2",
                        IMAGE,
                        () -> conv(5, 3, 1, 2, 2, 1, true)),
                network("conv 5x5, stride 2, padding 2", IMAGE, () -> conv(3, 5, 2, 2, 1, 1, true)),
                network(
                        "conv 1x1 (pointwise), stride 2",
                        IMAGE,
                        () -> conv(8, 1, 2, 0, 1, 1, false)),
                network(
                        "conv 1x3 with padding (0, 1)",
                        WIDE_IMAGE,
                        () ->
                                Conv2d.builder()
                                        .setKernelShape(new Shape(1, 3))
                                        .setFilters(4)
                                        .optPadding(new Shape(0, 1))
                                        .build()),
                network("depthwise 3x3", IMAGE, () -> conv(4, 3, 1, 1, 1, 4, false)),
                network("depthwise 3x3, stride 2, bias", IMAGE, () -> conv(4, 3, 2, 1, 1, 4, true)),
                network("depthwise 3x3, dilation 2", IMAGE, () -> conv(4, 3, 1, 2, 2, 4, false)),
                network(
                        "depthwise 5x5, dilation 2, stride 2",
                        IMAGE,
                        () -> conv(4, 5, 2, 4, 2, 4, false)),
                network(
                        "depthwise 3x3, stride (1, 2)",
                        IMAGE,
                        () ->
                                Conv2d.builder()
                                        .setKernelShape(new Shape(3, 3))
                                        .setFilters(4)
                                        .optStride(new Shape(1, 2))
                                        .optPadding(new Shape(1, 1))
                                        .optGroups(4)
                                        .build()),
                network(
                        "depthwise 3x3, dilation 2, stride 2 (DARTS reduction)",
                        IMAGE,
                        () -> conv(4, 3, 2, 2, 2, 4, true)),
                network(
                        "depthwise 3x3, dilation 3, stride 2",
                        IMAGE,
                        () -> conv(4, 3, 2, 2, 3, 4, false)),
                network(
                        "depthwise 3x3, dilation 2, stride 3",
                        IMAGE,
                        () -> conv(4, 3, 3, 1, 2, 4, false)),
                network(
                        "depthwise 3x3, dilation (2, 3), stride (2, 1)",
                        WIDE_IMAGE,
                        () ->
                                Conv2d.builder()
                                        .setKernelShape(new Shape(3, 3))
                                        .setFilters(3)
                                        .optStride(new Shape(2, 1))
                                        .optPadding(new Shape(1, 2))
                                        .optDilation(new Shape(2, 3))
                                        .optGroups(3)
                                        .build()),
                network(
                        "depthwise, channel multiplier 2, dilation 2",
                        IMAGE,
                        () -> conv(8, 3, 1, 2, 2, 4, false)),
                network(
                        "depthwise, channel multiplier 2",
                        IMAGE,
                        () -> conv(8, 3, 1, 1, 1, 4, true)),
                network(
                        "conv 3x3, dilation (2, 1), stride (1, 2)",
                        IMAGE,
                        () ->
                                Conv2d.builder()
                                        .setKernelShape(new Shape(3, 3))
                                        .setFilters(5)
                                        .optStride(new Shape(1, 2))
                                        .optPadding(new Shape(2, 1))
                                        .optDilation(new Shape(2, 1))
                                        .build()),
                network("grouped conv, 2 groups", IMAGE, () -> conv(6, 3, 1, 1, 1, 2, true)),
                network(
                        "grouped conv, 2 groups, dilation 2, stride 2",
                        IMAGE,
                        () -> conv(6, 3, 2, 2, 2, 2, false)),
                network(
                        "conv, batch norm, relu",
                        IMAGE,
                        () ->
                                new SequentialBlock()
                                        .add(conv(6, 3, 1, 1, 1, 1, false))
                                        .add(BatchNorm.builder().build())
                                        .add(TestBlocks.relu())),
                network("relu", IMAGE, TestBlocks::relu),
                network("tanh", IMAGE, () -> new PointwiseActivation(Kind.TANH)),
                network("sigmoid", IMAGE, () -> new PointwiseActivation(Kind.SIGMOID)),
                network(
                        "gelu, exact (the tanh approximation is off by over 1e-4 for |x| > 1.2)",
                        IMAGE,
                        () -> new PointwiseActivation(Kind.GELU)),
                network(
                        "dropout 0.3 is the identity at inference",
                        FEATURES,
                        () ->
                                new SequentialBlock()
                                        .add(Linear.builder().setUnits(8).build())
                                        .add(new PortableDropout(0.3f))),
                network(
                        "reference logit: a zero logit appended",
                        FEATURES,
                        () ->
                                new SequentialBlock()
                                        .add(Linear.builder().setUnits(2).build())
                                        .add(new ReferenceLogit(2))),
                network(
                        "max pool 3, stride 1, padding 1",
                        IMAGE,
                        () -> TestBlocks.maxPool(3, 1, 1)),
                network(
                        "max pool 3, stride 2, padding 1",
                        IMAGE,
                        () -> TestBlocks.maxPool(3, 2, 1)),
                network(
                        "max pool 2, stride 2 (odd size)",
                        IMAGE,
                        () -> TestBlocks.maxPool(2, 2, 0)),
                network(
                        "max pool after relu (padding must not win over zeros)",
                        IMAGE,
                        () ->
                                new SequentialBlock()
                                        .add(conv(4, 3, 1, 1, 1, 1, true))
                                        .add(TestBlocks.relu())
                                        .add(TestBlocks.maxPool(3, 2, 1))),
                network(
                        "max pool of negative values",
                        IMAGE,
                        () ->
                                new SequentialBlock()
                                        .add(TestBlocks.relu())
                                        .add(conv(4, 1, 1, 0, 1, 1, false))
                                        .add(TestBlocks.maxPool(3, 1, 1))),
                network(
                        "average pool 3, stride 1, padding 1",
                        IMAGE,
                        () -> TestBlocks.averagePool(3, 1, 1)),
                network(
                        "average pool 3, stride 2, padding 1",
                        IMAGE,
                        () -> TestBlocks.averagePool(3, 2, 1)),
                network(
                        "average pool 5, stride 2, padding 2",
                        IMAGE,
                        () -> TestBlocks.averagePool(5, 2, 2)),
                network(
                        "average pool 2, stride 2 (odd size)",
                        IMAGE,
                        () -> TestBlocks.averagePool(2, 2, 0)),
                network("global average pool", WIDE_IMAGE, TestBlocks::globalAveragePool),
                network(
                        "global average pool, linear with bias",
                        IMAGE,
                        () ->
                                new SequentialBlock()
                                        .add(TestBlocks.globalAveragePool())
                                        .add(Linear.builder().setUnits(5).build())),
                network(
                        "MLP on a row of features: linear, batch norm, relu, linear",
                        FEATURES,
                        () ->
                                new SequentialBlock()
                                        .add(Linear.builder().setUnits(16).build())
                                        .add(BatchNorm.builder().build())
                                        .add(TestBlocks.relu())
                                        .add(Linear.builder().setUnits(1).build())),
                network("flatten keeps DJL's (C, H, W) order", WIDE_IMAGE, TestBlocks::flatten),
                network(
                        "conv, flatten, linear without bias",
                        WIDE_IMAGE,
                        () ->
                                new SequentialBlock()
                                        .add(conv(2, 3, 1, 1, 1, 1, true))
                                        .add(TestBlocks.flatten())
                                        .add(Linear.builder().setUnits(3).optBias(false).build())),
                network(
                        "add",
                        IMAGE,
                        () ->
                                new TestBlocks.Branches(
                                        conv(5, 1, 1, 0, 1, 1, true),
                                        conv(5, 3, 1, 1, 1, 1, false),
                                        false)),
                network(
                        "concat channels",
                        IMAGE,
                        () ->
                                new TestBlocks.Branches(
                                        conv(3, 1, 2, 0, 1, 1, true),
                                        TestBlocks.maxPool(3, 2, 1),
                                        true)),
                network("pad bottom right", WIDE_IMAGE, () -> TestBlocks.padBottomRight(1, 2)),
                network("crop top left", WIDE_IMAGE, () -> TestBlocks.cropTopLeft(2, 1)),
                network(
                        "shift by one pixel (factorized reduce)",
                        IMAGE,
                        () ->
                                new SequentialBlock()
                                        .add(TestBlocks.padBottomRight(1, 1))
                                        .add(TestBlocks.cropTopLeft(1, 1))
                                        .add(conv(4, 1, 2, 0, 1, 1, false))),
                network("zeros, stride 2 (odd size)", IMAGE, () -> TestBlocks.zeros(6, 2)),
                network(
                        "zeros added to a strided conv",
                        IMAGE,
                        () ->
                                new TestBlocks.Branches(
                                        conv(6, 3, 2, 1, 1, 1, true),
                                        TestBlocks.zeros(6, 2),
                                        false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void tensorFlowComputesWhatPyTorchComputes(
            String name, Shape image, Supplier<Block> network, @TempDir Path directory)
            throws Exception {
        ExportComparison.Result result =
                ExportComparison.compare(network.get(), image, 3, directory);
        System.out.printf(
                "max |PyTorch - TensorFlow| = %.3g: %s%n", result.maxAbsoluteDifference(), name);
        assertThat(result.tensorFlowShape()).isEqualTo(result.pyTorchShape());
        assertThat(result.maxAbsoluteDifference()).isLessThanOrEqualTo(ExportComparison.TOLERANCE);
    }

    /**
     * Pins the GELU that the export must match: DJL's on PyTorch is the exact form {@code x·Φ(x)},
     * not the tanh approximation, which gives -0.0088876 at -2.7 and 1.9545977 at 2.
     */
    @Test
    void djlsGeluOnPyTorchIsTheExactErfForm() {
        // x / 2 · (1 + erf(x / √2)), computed in double precision
        float[] exact = {-0.0093608293f, -0.1002108019f, 0.3457312306f, 1.9544997361f};
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            float[] gelu =
                    Activation.gelu(manager.create(new float[] {-2.7f, -1.5f, 0.5f, 2f}))
                            .toFloatArray();
            for (int i = 0; i < exact.length; i++) {
                assertThat(gelu[i]).isCloseTo(exact[i], within(1e-6f));
            }
        }
    }

    private static Arguments network(String name, Shape image, Supplier<Block> network) {
        return Arguments.of(name, image, network);
    }

    private static Conv2d conv(
            int filters,
            int kernel,
            int stride,
            int padding,
            int dilation,
            int groups,
            boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optDilation(new Shape(dilation, dilation))
                .optGroups(groups)
                .optBias(bias)
                .build();
    }
}
