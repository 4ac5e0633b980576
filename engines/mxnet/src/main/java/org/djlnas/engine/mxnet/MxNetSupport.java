package org.djlnas.engine.mxnet;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import java.util.EnumSet;
import java.util.Set;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineDefaults;
import org.djlnas.api.engine.EngineSupport;
import org.djlnas.api.supernet.MixingForm;

/**
 * DJL's MXNet engine with CPU natives (MXNet 1.9.1 built with oneDNN) taken from the {@code
 * mxnet-native-mkl} jar on the class path, never downloaded.
 *
 * <p>Defaults, each kept when the user has set it already:
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL fails instead of downloading anything;
 *   <li>{@code OPT_OUT_TRACKING=true}: no start-up telemetry call.
 * </ul>
 *
 * <p>MXNet's threads and its use of oneDNN cannot be set from Java: the native library reads them
 * from environment variables as it loads, and DJL reads no system property for them. Set them in
 * the environment of the JVM (the {@code ./nas} launcher and the build's tests do):
 *
 * <ul>
 *   <li>{@code MXNET_OMP_MAX_THREADS=1}: one OpenMP thread per operation. On two cores a second
 *       thread made training steps slower (66 against 53 ms), and a DARTS step a third faster while
 *       other processes used the cores lightly but ten times slower (1.1 s to 11 s) while they kept
 *       them busy: oneDNN's many short parallel regions then stall each other. Unset, MXNet takes
 *       half the processors; a set {@code OMP_NUM_THREADS} overrides both for oneDNN, so it must be
 *       unset or 1;
 *   <li>oneDNN on ({@code MXNET_MKLDNN_ENABLED} unset): with one thread per operation it trains
 *       small networks 1.6 to 4 times faster than MXNet's own kernels ({@code
 *       MXNET_MKLDNN_ENABLED=0});
 *   <li>{@code MXNET_ENGINE_TYPE} and {@code MXNET_CPU_WORKER_NTHREADS} unset: the default threaded
 *       engine with one worker thread computes while the calling thread goes on; the synchronous
 *       {@code NaiveEngine} and a second worker were both slower.
 * </ul>
 *
 * <p>MXNet rules the shared training code follows: batch normalisation runs in training mode only
 * while DJL's gradient collector is open (the zero-cost proxies' inference-mode collector is the
 * exception), and it updates its running statistics in the backward pass, not the forward pass;
 * arrays the gradient tape records cannot be changed in place.
 */
public final class MxNetSupport implements EngineSupport {

    /** The DJL engine name. */
    public static final String ENGINE_NAME = "MXNet";

    /** Creates the support; {@link java.util.ServiceLoader} calls this. */
    public MxNetSupport() {}

    /**
     * Returns the DJL engine name.
     *
     * @return {@value #ENGINE_NAME}
     */
    @Override
    public String engineName() {
        return ENGINE_NAME;
    }

    /**
     * Returns what MXNet does for a search: run and train compiled networks, and compute the
     * gradients of a supernet's architecture parameters (each checked by this module's tests).
     *
     * @return forward, train and architecture gradients
     */
    @Override
    public Set<EngineCapability> capabilities() {
        return EnumSet.of(
                EngineCapability.FORWARD,
                EngineCapability.TRAIN,
                EngineCapability.ARCHITECTURE_GRADIENTS);
    }

    /**
     * Returns {@code true}: MXNet updates batch normalisation's running statistics in the backward
     * pass.
     *
     * @return {@code true}
     */
    @Override
    public boolean updatesRunningStatisticsInBackward() {
        return true;
    }

    /**
     * Returns a collector that records with MXNet's training mode off and runs the backward pass in
     * inference mode too ({@link InferenceModeGradientCollector}): DJL's own collector runs batch
     * normalisation in training mode only, and its backward pass always in training mode.
     *
     * @param engine the MXNet engine
     * @return the collector
     */
    @Override
    public GradientCollector newInferenceModeGradientCollector(Engine engine) {
        return new InferenceModeGradientCollector(engine);
    }

    /**
     * Returns {@link MixingForm#MATRIX_PRODUCT}: MXNet's broadcasting multiplication and its sum
     * over the stack (backward: a reduction per candidate) took most of a DARTS search step's
     * element-wise time; as one matrix product the step takes 0.6 to 0.8 of the CPU time, with the
     * stacked form's memory (docs/benchmarks.md, "MXNet's DARTS step", 2026-12-07).
     *
     * @return {@link MixingForm#MATRIX_PRODUCT}
     */
    @Override
    public MixingForm mixingForm() {
        return MixingForm.MATRIX_PRODUCT;
    }

    /** Turns on DJL's offline mode and turns off its telemetry, unless the user set them. */
    @Override
    public void configureDefaults() {
        EngineDefaults.offlineWithoutTelemetry();
    }
}
