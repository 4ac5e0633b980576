package org.djlnas.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Optional;
import org.djlnas.api.engine.DeviceChoice;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.space.ParameterCount;
import org.jspecify.annotations.Nullable;

/**
 * Initializes a compiled block on an engine to measure it: its trainable parameters and the shape
 * of its output for one input.
 */
final class BlockProbe {

    private BlockProbe() {}

    /**
     * What a probe measured.
     *
     * @param engine the engine's name
     * @param engineVersion the engine's version
     * @param parameters the number of trainable parameters (scalars)
     * @param outputShape the output's shape for one input
     */
    record Result(String engine, String engineVersion, long parameters, Shape outputShape) {}

    /**
     * Initializes a block with float32 parameters for a batch of one input and measures it. The
     * parameters are freed before this returns.
     *
     * @param engines the engines to choose from
     * @param block a new, uninitialized block
     * @param input the input's shape
     * @param engineName the engine asked for, or null for the default
     * @return the measurements
     * @throws IllegalArgumentException if the engine is unknown or cannot run a block forward
     */
    static Result measure(
            EngineSelector engines, Block block, InputShape input, @Nullable String engineName) {
        Engine engine = engines.select(Optional.ofNullable(engineName), EngineCapability.FORWARD);
        Shape inputShape = input.batchOfOne();
        try (NDManager manager =
                NDManager.newBaseManager(
                        DeviceChoice.forEngine(engine.getEngineName()), engine.getEngineName())) {
            block.initialize(manager, DataType.FLOAT32, inputShape);
            long parameters = ParameterCount.trainable(block);
            Shape output = block.getOutputShapes(new Shape[] {inputShape})[0];
            return new Result(engine.getEngineName(), engine.getVersion(), parameters, output);
        }
    }
}
