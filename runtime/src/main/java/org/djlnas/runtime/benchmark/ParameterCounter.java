package org.djlnas.runtime.benchmark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.space.ParameterCount;
import org.djlnas.api.space.SearchSpace;
import org.jspecify.annotations.Nullable;

/**
 * Counts the trainable parameters of a space's compiled networks ({@link
 * ParameterCount#trainable}), each architecture once: the network is compiled, initialized with
 * zeros for one input on the CPU of an engine and freed. The engine is loaded at the first count,
 * so a search that never asks loads none. Safe to call from several threads (counts take turns).
 */
final class ParameterCounter {

    private final SearchSpace space;
    private final Shape input;
    private final EngineSelector engines;
    private final Optional<String> engine;
    private final Map<String, Long> counts = new HashMap<>();
    private @Nullable String engineName;

    /**
     * Creates a counter.
     *
     * @param space the space whose architectures are compiled
     * @param input the shape of one input, without the batch axis
     * @param engines the engines to choose from
     * @param engine the engine asked for, if any
     */
    ParameterCounter(
            SearchSpace space, Shape input, EngineSelector engines, Optional<String> engine) {
        this.space = space;
        this.input = input;
        this.engines = engines;
        this.engine = engine;
    }

    /**
     * Counts an architecture's trainable parameters.
     *
     * @param architecture a valid architecture of the space
     * @return the number of trainable scalars of its compiled network
     * @throws IllegalArgumentException if no engine that runs blocks forward is available
     */
    synchronized long count(Architecture architecture) {
        Long known = counts.get(architecture.id());
        if (known != null) {
            return known;
        }
        if (engineName == null) {
            Engine loaded = engines.select(engine, EngineCapability.FORWARD);
            engineName = loaded.getEngineName();
        }
        Block block = space.compile(architecture);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        long count;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engineName)) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(input));
            count = ParameterCount.trainable(block);
        }
        counts.put(architecture.id(), count);
        return count;
    }
}
