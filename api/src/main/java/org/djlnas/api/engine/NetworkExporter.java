package org.djlnas.api.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a trained network in an engine's own deployment format, so that DJL's {@code Criteria}
 * with that engine loads the folder and predicts. Engines that declare {@link
 * EngineCapability#EXPORT} provide one through {@link EngineSupport#exporter()}.
 */
public interface NetworkExporter {

    /**
     * Exports a network with its trained weights, for inference.
     *
     * @param block the network, initialized and trained on any engine
     * @param inputShape the shape of one input example, without the batch axis (for images {@code
     *     (C, H, W)}); the batch size stays free
     * @param directory the folder to write the model into (created if needed)
     * @throws IOException if the folder cannot be written
     * @throws UnsupportedOperationException naming the block if part of the network cannot be
     *     expressed in the engine's format
     */
    void export(Block block, Shape inputShape, Path directory) throws IOException;
}
