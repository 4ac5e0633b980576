package org.djlnas.engine.pytorch;

import java.util.EnumSet;
import java.util.Set;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineDefaults;
import org.djlnas.api.engine.EngineSupport;
import org.djlnas.api.engine.ImageMemoryFormat;

/**
 * DJL's PyTorch engine with CPU natives taken from the {@code pytorch-native-cpu} jar on the class
 * path, never downloaded.
 *
 * <p>Defaults, each kept when the user has set it already:
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL fails instead of downloading anything;
 *   <li>{@code OPT_OUT_TRACKING=true}: no start-up telemetry call;
 *   <li>{@code ai.djl.pytorch.num_interop_threads=1} and {@code ai.djl.pytorch.num_threads} = the
 *       number of processors: PyTorch's own pools otherwise multiply threads across parallel
 *       trials. Run with {@code OMP_WAIT_POLICY=PASSIVE} (the {@code ./nas} launcher does):
 *       busy-waiting OpenMP threads collapse under contention on small machines.
 * </ul>
 */
public final class PyTorchSupport implements EngineSupport {

    /** The DJL engine name. */
    public static final String ENGINE_NAME = "PyTorch";

    @Override
    public String engineName() {
        return ENGINE_NAME;
    }

    @Override
    public Set<EngineCapability> capabilities() {
        return EnumSet.of(
                EngineCapability.FORWARD,
                EngineCapability.TRAIN,
                EngineCapability.ARCHITECTURE_GRADIENTS);
    }

    /**
     * Channels-last: oneDNN's convolutions then read and write PyTorch's arrays as they are, where
     * with the contiguous layout each convolution converts its input, output and gradients to a
     * blocked layout and back (a DARTS step spent about a third of its convolution time in those
     * conversions; docs/benchmarks.md, "Channels-last images").
     */
    @Override
    public ImageMemoryFormat imageMemoryFormat() {
        return ImageMemoryFormat.CHANNELS_LAST;
    }

    @Override
    public void configureDefaults() {
        EngineDefaults.offlineWithoutTelemetry();
        EngineDefaults.setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        EngineDefaults.setIfAbsent(
                "ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
}
