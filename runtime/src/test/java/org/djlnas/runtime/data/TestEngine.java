package org.djlnas.runtime.data;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;

/** Test helper: the engine the tests run on (PyTorch unless {@code nas.engine} says otherwise). */
public final class TestEngine {

    private TestEngine() {}

    /** Loads the engine with its defaults and returns its name. */
    public static String name() {
        return EngineSelector.discover()
                .select(Optional.empty(), EngineCapability.TRAIN)
                .getEngineName();
    }

    /** Opens a manager on the test engine. */
    public static NDManager newManager() {
        return NDManager.newBaseManager(Device.cpu(), name());
    }
}
