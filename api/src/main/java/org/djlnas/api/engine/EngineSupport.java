package org.djlnas.api.engine;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import java.util.Optional;
import java.util.Set;
import org.djlnas.api.supernet.MixingForm;

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
     * Tells how a supernet's mixed operations should compute their weighted sums on this engine:
     * the same numbers either way, through the operations that cost the engine less time or memory
     * (measured in docs/benchmarks.md).
     *
     * @return {@link MixingForm#LOOPED}, the default, {@link MixingForm#STACKED} or {@link
     *     MixingForm#MATRIX_PRODUCT}
     */
    default MixingForm mixingForm() {
        return MixingForm.LOOPED;
    }

    /**
     * Tells how image batches should lie in memory on this engine for its convolutions to run
     * fastest (measured in docs/benchmarks.md, "Channels-last images"); the numbers are the same
     * either way, up to float rounding.
     *
     * @return {@link ImageMemoryFormat#CONTIGUOUS}, the default, or {@link
     *     ImageMemoryFormat#CHANNELS_LAST}
     */
    default ImageMemoryFormat imageMemoryFormat() {
        return ImageMemoryFormat.CONTIGUOUS;
    }

    /**
     * Opens a gradient collector that records a forward pass in inference mode (batch normalisation
     * over its running statistics) and differentiates that pass as it ran. The default, the
     * engine's ordinary collector, does this on engines whose operations take their mode from the
     * forward call alone (PyTorch); MXNet also keeps a mode of its own for recording and for the
     * backward pass, which its module sets.
     *
     * @param engine the engine, of this support's name
     * @return the collector, to be closed
     */
    default GradientCollector newInferenceModeGradientCollector(Engine engine) {
        return engine.newGradientCollector();
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
