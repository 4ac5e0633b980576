package org.djlnas.api.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the device networks are trained and run on: the {@code nas.device} system property (or
 * {@code NAS_DEVICE} variable), {@code cpu} or {@code gpuN}, and otherwise the engine's own default
 * device. A GPU the engine cannot see is an error, never a silent fall back to the CPU.
 */
public final class DeviceChoice {

    /** The system property that names the device. */
    public static final String DEVICE_PROPERTY = "nas.device";

    private DeviceChoice() {}

    /**
     * Returns the device to use on an engine, as the system property or environment asks.
     *
     * @param engineName the DJL engine's name
     * @return the device
     * @throws IllegalArgumentException if the device named is malformed or missing
     */
    public static Device forEngine(String engineName) {
        return forEngine(
                Engine.getEngine(engineName),
                name -> {
                    String property = System.getProperty(name);
                    return property != null ? property : System.getenv(name);
                });
    }

    /**
     * Returns the device to use on an engine.
     *
     * @param engine the engine
     * @param environment reads a system property or environment variable by name
     * @return the device
     * @throws IllegalArgumentException if the device named is malformed or missing
     */
    static Device forEngine(Engine engine, Function<String, @Nullable String> environment) {
        String asked = environment.apply(DEVICE_PROPERTY);
        if (asked == null) {
            asked = environment.apply("NAS_DEVICE");
        }
        if (asked == null || asked.isBlank()) {
            return engine.defaultDevice();
        }
        String name = asked.trim().toLowerCase(Locale.ROOT);
        if (name.equals("cpu")) {
            return Device.cpu();
        }
        if (!name.matches("gpu\\d+")) {
            throw new IllegalArgumentException(
                    DEVICE_PROPERTY
                            + "='"
                            + asked
                            + "' is not a device; expected cpu or gpuN (gpu0)");
        }
        int index = Integer.parseInt(name.substring("gpu".length()));
        int visible = engine.getGpuCount();
        if (index >= visible) {
            throw new IllegalArgumentException(
                    DEVICE_PROPERTY
                            + "='"
                            + asked
                            + "' but engine "
                            + engine.getEngineName()
                            + " sees "
                            + visible
                            + " GPU(s); use cpu"
                            + (visible > 0 ? " or gpu0..gpu" + (visible - 1) : ""));
        }
        return Device.gpu(index);
    }
}
