package org.djlnas.spaces;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;

/** Test helpers: an engine-backed manager and spaces with given settings. */
public final class Engines {

    private Engines() {}

    /**
     * Opens a manager on the engine the tests run on (PyTorch unless {@code nas.engine} says
     * otherwise).
     */
    public static NDManager newManager() {
        String engine =
                EngineSelector.discover()
                        .select(Optional.empty(), EngineCapability.TRAIN)
                        .getEngineName();
        return NDManager.newBaseManager(Device.cpu(), engine);
    }

    /** Initializes a block for an input shape. */
    public static Block initialized(Block block, NDManager manager, Shape input) {
        block.initialize(manager, DataType.FLOAT32, input);
        return block;
    }

    /** Creates a space with settings given as text. */
    public static SearchSpace space(SearchSpaceProvider provider, Map<String, String> settings) {
        return provider.create(
                Settings.resolve("space '" + provider.id() + "'", provider.settings(), settings),
                OpRegistry.discover());
    }
}
