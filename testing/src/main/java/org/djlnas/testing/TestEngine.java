package org.djlnas.testing;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;

/** The engine the tests run on: PyTorch unless {@code nas.engine} says otherwise. */
public final class TestEngine {

    private TestEngine() {}

    /**
     * Loads the engine with its defaults.
     *
     * @return its DJL name
     */
    public static String name() {
        return EngineSelector.discover()
                .select(Optional.empty(), EngineCapability.TRAIN)
                .getEngineName();
    }

    /**
     * Opens a manager on the test engine, on the CPU.
     *
     * @return a new base manager; the caller closes it
     */
    public static NDManager newManager() {
        return NDManager.newBaseManager(Device.cpu(), name());
    }
}
