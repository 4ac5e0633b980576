package org.djlnas.api.engine;

import java.util.Optional;
import java.util.Set;

/**
 * What djl-nas knows of one DJL engine: its name, what it can do, and the settings it needs before
 * it loads (offline natives, thread counts). Engine modules provide one, found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.djlnas.api.engine.EngineSupport}).
 */
public interface EngineSupport {

    /**
     * Returns the DJL engine name, as {@code ai.djl.engine.Engine.getEngine} takes it.
     *
     * @return the engine name, for example {@code PyTorch}
     */
    String engineName();

    /**
     * Returns what the engine can do.
     *
     * @return the capabilities
     */
    Set<EngineCapability> capabilities();

    /**
     * Sets the system properties the engine reads when it loads (offline mode, thread counts),
     * leaving any the user has already set. Called once before the engine is first used.
     */
    void configureDefaults();

    /**
     * Tells whether the engine updates batch normalisation's running statistics in the backward
     * pass (as MXNet does) rather than in the forward pass in training mode (as PyTorch does).
     * Re-estimating the statistics then takes a backward pass per batch as well.
     *
     * @return {@code true} if the statistics change only in the backward pass; {@code false}, the
     *     default, if a forward pass in training mode updates them
     */
    default boolean updatesRunningStatisticsInBackward() {
        return false;
    }

    /**
     * Tells whether the engine can differentiate a forward pass that runs batch normalisation in
     * inference mode (over its running statistics). MXNet cannot: inside a gradient collector it
     * runs batch normalisation in training mode only.
     *
     * @return {@code true}, the default, if it can
     */
    default boolean differentiatesInferenceMode() {
        return true;
    }

    /**
     * Returns the exporter to the engine's deployment format, for engines that can {@link
     * EngineCapability#EXPORT}.
     *
     * @return the exporter, or empty if the engine cannot export
     */
    default Optional<NetworkExporter> exporter() {
        return Optional.empty();
    }
}
