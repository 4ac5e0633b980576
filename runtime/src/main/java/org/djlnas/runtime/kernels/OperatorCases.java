package org.djlnas.runtime.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operators the search spaces train with, at the shapes they use: plain, strided, depthwise and
 * dilated depthwise convolutions (the NAS-Bench-201 and DARTS operations), average and max pooling,
 * and batch normalization in training mode, over batches of 2 to 64 and 4 to 16 channels. The first
 * five convolutions are those of engines/pytorch's {@code ConvolutionGradientTest}, which failed
 * with oneDNN's AVX2 and AVX-512 kernels on 2026-11-27.
 */
final class OperatorCases {

    private OperatorCases() {}

    /**
     * Returns every operator case, in a fixed order.
     *
     * @return the cases
     */
    static List<OperatorCase> all() {
        List<OperatorCase> cases = new ArrayList<>();
        // ConvolutionGradientTest: batch, channels, size, kernel.
        cases.add(convolution(2, 4, 4, 8, 3, 1, 1, 1));
        cases.add(convolution(16, 4, 4, 8, 3, 1, 1, 1));
        cases.add(convolution(64, 8, 8, 28, 3, 1, 1, 1));
        cases.add(convolution(16, 8, 8, 14, 5, 1, 1, 1));
        cases.add(convolution(16, 16, 16, 7, 1, 1, 1, 1));
        // NAS-Bench-201 with C=6: 1x1 and 3x3 convolutions, the residual reduction's 3x3/2.
        cases.add(convolution(64, 6, 6, 16, 1, 1, 1, 1));
        cases.add(convolution(64, 6, 6, 16, 3, 1, 1, 1));
        cases.add(convolution(16, 6, 12, 16, 3, 2, 1, 1));
        // DARTS: factorized reduce's 1x1/2, separable (depthwise) and dilated depthwise 3x3, 5x5.
        cases.add(convolution(16, 8, 4, 14, 1, 2, 1, 1));
        cases.add(convolution(2, 6, 6, 8, 3, 1, 1, 6));
        cases.add(convolution(16, 8, 8, 14, 3, 1, 1, 8));
        cases.add(convolution(16, 8, 8, 14, 5, 1, 1, 8));
        cases.add(convolution(16, 8, 8, 14, 3, 1, 2, 8));
        cases.add(convolution(16, 8, 8, 14, 5, 1, 2, 8));
        cases.add(convolution(16, 4, 4, 14, 3, 2, 1, 4));
        cases.add(convolution(16, 4, 4, 14, 3, 2, 2, 4));
        cases.add(convolution(64, 16, 16, 7, 3, 1, 1, 16));
        cases.add(pooling(16, 6, 14, 3, 1, false));
        cases.add(pooling(16, 6, 14, 3, 1, true));
        cases.add(pooling(64, 8, 14, 3, 2, false));
        cases.add(pooling(64, 8, 14, 3, 2, true));
        cases.add(pooling(16, 12, 16, 2, 2, false));
        cases.add(batchNorm(2, 4, 8));
        cases.add(batchNorm(16, 6, 14));
        cases.add(batchNorm(64, 8, 14));
        cases.add(batchNorm(16, 16, 7));
        return cases;
    }

    private static OperatorCase convolution(
            int batch,
            int in,
            int out,
            int size,
            int kernel,
            int stride,
            int dilation,
            int groups) {
        int padding = dilation * (kernel / 2);
        String kind = groups == 1 ? "conv" : "depthwise conv";
        String name =
                String.format(
                        Locale.ROOT,
                        "%s %dx%d%s%s, batch %d, %d->%d channels, %dx%d",
                        kind,
                        kernel,
                        kernel,
                        stride == 1 ? "" : "/" + stride,
                        dilation == 1 ? "" : " dilation " + dilation,
                        batch,
                        in,
                        out,
                        size,
                        size);
        return new OperatorCase(
                "convolution",
                name,
                new Shape(batch, in, size, size),
                List.of(new Shape(out, in / groups, kernel, kernel), new Shape(out)),
                (x, p) ->
                        Conv2d.conv2d(
                                        x,
                                        p.get(0),
                                        p.get(1),
                                        new Shape(stride, stride),
                                        new Shape(padding, padding),
                                        new Shape(dilation, dilation),
                                        groups)
                                .singletonOrThrow());
    }

    private static OperatorCase pooling(
            int batch, int channels, int size, int window, int stride, boolean max) {
        int padding = window == 3 ? 1 : 0;
        String name =
                String.format(
                        Locale.ROOT,
                        "%s pool %dx%d%s, batch %d, %d channels, %dx%d",
                        max ? "max" : "avg",
                        window,
                        window,
                        stride == 1 ? "" : "/" + stride,
                        batch,
                        channels,
                        size,
                        size);
        Shape windowShape = new Shape(window, window);
        Shape strides = new Shape(stride, stride);
        Shape pads = new Shape(padding, padding);
        return new OperatorCase(
                "pooling",
                name,
                new Shape(batch, channels, size, size),
                List.of(),
                (x, p) ->
                        max
                                ? Pool.maxPool2d(x, windowShape, strides, pads, false)
                                : Pool.avgPool2d(x, windowShape, strides, pads, false, false));
    }

    private static OperatorCase batchNorm(int batch, int channels, int size) {
        String name =
                String.format(
                        Locale.ROOT,
                        "batch norm (training), batch %d, %d channels, %dx%d",
                        batch,
                        channels,
                        size,
                        size);
        return new OperatorCase(
                "batch-norm",
                name,
                new Shape(batch, channels, size, size),
                List.of(new Shape(channels), new Shape(channels)),
                (x, p) -> {
                    NDManager manager = x.getManager();
                    NDArray mean = manager.zeros(new Shape(channels), x.getDataType());
                    NDArray variance = manager.ones(new Shape(channels), x.getDataType());
                    return BatchNorm.batchNorm(
                                    x, mean, variance, p.get(0), p.get(1), 1, 0.1f, 1e-5f, true)
                            .singletonOrThrow();
                });
    }

    /**
     * Runs a case forward and backward in one type, returning its output, its input gradient and
     * its parameter gradients. The objective is the sum of the output weighted by {@code weights},
     * so that every output element carries a different gradient.
     *
     * @param manager where the results live
     * @param c the case
     * @param input the input, in the type to compute in
     * @param parameters the parameters, in that type
     * @param weights the output weights, in that type
     * @return the output, the input gradient, then the parameter gradients
     */
    static NDList run(
            NDManager manager, OperatorCase c, NDArray input, NDList parameters, NDArray weights) {
        input.setRequiresGradient(true);
        parameters.forEach(p -> p.setRequiresGradient(true));
        NDArray output;
        try (var collector = manager.getEngine().newGradientCollector()) {
            output = c.operation().apply(input, parameters);
            collector.backward(output.mul(weights).sum());
        }
        NDList results = new NDList(output, input.getGradient());
        parameters.forEach(p -> results.add(p.getGradient()));
        return results;
    }
}
