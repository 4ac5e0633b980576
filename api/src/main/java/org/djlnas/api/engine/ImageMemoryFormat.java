package org.djlnas.api.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * How an engine should hold a batch of images in memory. The shape is always {@code (N, C, H, W)};
 * the format is the order of the elements behind it, which the engine's operations carry from layer
 * to layer. Which format costs less depends on the engine's convolution kernels ({@link
 * EngineSupport#imageMemoryFormat()}, measured in docs/benchmarks.md).
 */
public enum ImageMemoryFormat {
    /** Each image's channels one after the other, each a row-major plane: the default layout. */
    CONTIGUOUS,
    /**
     * Each pixel's channels side by side ({@code N, H, W, C} in memory) behind the same {@code (N,
     * C, H, W)} shape: PyTorch's {@code channels_last}, which oneDNN's convolutions read and write
     * without converting to their blocked layouts and back at every layer.
     */
    CHANNELS_LAST;

    /**
     * Returns a network's inputs with every image batch (an array of four dimensions) in this
     * format; other arrays are passed on as they are. The new arrays belong to the inputs'
     * managers.
     *
     * @param inputs the network's inputs
     * @return the inputs themselves for {@link #CONTIGUOUS}, else the inputs with each image batch
     *     copied into this format
     */
    public NDList arrange(NDList inputs) {
        if (this == CONTIGUOUS || inputs.stream().noneMatch(ImageMemoryFormat::isImageBatch)) {
            return inputs;
        }
        NDList arranged = new NDList(inputs.size());
        for (NDArray input : inputs) {
            arranged.add(isImageBatch(input) ? channelsLast(input) : input);
        }
        return arranged;
    }

    private static boolean isImageBatch(NDArray array) {
        return array.getShape().dimension() == 4;
    }

    /**
     * Copies an {@code (N, C, H, W)} batch into channels-last memory: the {@code (N, H, W, C)} view
     * is flattened (a copy, as the view is not contiguous) and viewed back as {@code (N, C, H, W)}.
     * On engines whose transpositions are views (PyTorch) the result keeps the channels-last
     * strides; elsewhere it is an ordinary copy.
     */
    private static NDArray channelsLast(NDArray images) {
        Shape shape = images.getShape();
        long batch = shape.get(0);
        try (NDArray pixelsLast = images.transpose(0, 2, 3, 1);
                NDArray flat = pixelsLast.reshape(batch, -1);
                NDArray unflattened =
                        flat.reshape(batch, shape.get(2), shape.get(3), shape.get(1))) {
            return unflattened.transpose(0, 3, 1, 2);
        }
    }
}
