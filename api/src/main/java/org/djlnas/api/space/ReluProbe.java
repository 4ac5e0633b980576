package org.djlnas.api.space;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.function.Consumer;

/**
 * A parameter store that also hands every rectified-linear output of a forward pass to an observer,
 * for measures that look at a network's activations (the NASWOT proxy's binary codes). DJL blocks
 * have no forward hooks, but every block passes its parameter store down to its children; the
 * operations of our spaces that apply a ReLU call {@link #observe} with the store they were given,
 * which does nothing unless the store is a probe. ReLUs inside DJL's own {@code LambdaBlock}s are
 * not seen.
 */
public final class ReluProbe extends ParameterStore {

    private final Consumer<NDArray> observer;

    /**
     * Creates a probe that keeps no copies of the parameters (one device).
     *
     * @param manager the manager of the forward pass's arrays
     * @param observer what is told each ReLU's output, in the order of the forward pass
     */
    public ReluProbe(NDManager manager, Consumer<NDArray> observer) {
        super(manager, false);
        this.observer = requireNonNull(observer, "observer is null");
    }

    /**
     * Tells the probe, if the store is one, a ReLU's output.
     *
     * @param store the parameter store the operation was given
     * @param reluOutput the output of the ReLU
     */
    public static void observe(ParameterStore store, NDArray reluOutput) {
        if (store instanceof ReluProbe probe) {
            probe.observer.accept(reluOutput);
        }
    }
}
