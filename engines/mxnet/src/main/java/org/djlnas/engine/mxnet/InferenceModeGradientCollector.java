package org.djlnas.engine.mxnet;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.mxnet.engine.MxGradientCollector;
import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.jna.LibUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * An MXNet gradient collector that records a forward pass in inference mode and differentiates it
 * as it ran.
 *
 * <p>MXNet's autograd keeps two flags: whether it records, and whether operations run in training
 * mode. DJL's collector sets both, and its batch normalisation refuses a mode other than the
 * collector's; DJL's backward pass calls {@code MXAutogradBackward}, which always runs the
 * operations' gradients in training mode, so a batch normalisation recorded over its running
 * statistics would be differentiated as if over the batch's. This collector records with training
 * mode off, and runs the backward pass through {@code MXAutogradBackwardEx} with {@code is_train}
 * off: batch normalisation's gradient is then that of its affine map over the running statistics
 * (and the running statistics are left unchanged).
 */
final class InferenceModeGradientCollector implements GradientCollector {

    private final GradientCollector recording;

    /**
     * Opens DJL's collector, then turns training mode off.
     *
     * @param engine the MXNet engine
     */
    InferenceModeGradientCollector(Engine engine) {
        recording = engine.newGradientCollector();
        MxGradientCollector.setTraining(false);
    }

    @Override
    public void backward(NDArray target) {
        Pointer[] heads = {((MxNDArray) target).getHandle()};
        // heads, no head gradients (ones), no variables (the marked ones), no retained graph,
        // no graph of the gradients, is_train off, no returned gradients
        int status =
                Library.BACKWARD_EX.invokeInt(
                        new Object[] {1, heads, null, 0, null, 0, 0, 0, null, null});
        if (status != 0) {
            throw new EngineException(
                    "MXNet engine call failed: "
                            + Library.LAST_ERROR.invokeString(new Object[0], false));
        }
    }

    @Override
    public void zeroGradients() {
        recording.zeroGradients();
    }

    /** Stops recording and turns training mode off, as DJL's collector does. */
    @Override
    public void close() {
        recording.close();
    }

    /** The two functions of the MXNet library DJL has loaded, looked up once. */
    private static final class Library {
        private static final NativeLibrary LIBRARY =
                Native.getNativeLibrary(LibUtils.loadLibrary());
        static final Function BACKWARD_EX = LIBRARY.getFunction("MXAutogradBackwardEx");
        static final Function LAST_ERROR = LIBRARY.getFunction("MXGetLastError");

        private Library() {}
    }
}
