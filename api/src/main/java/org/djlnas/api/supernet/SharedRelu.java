package org.djlnas.api.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The ReLU of one mixture's input, computed once per forward pass for all the candidates that apply
 * one to it (DARTS's separable and dilated convolutions and factorized reduce all start with a ReLU
 * of the edge's input). Without it each candidate computes its own copy, and the gradient tape
 * keeps every copy until the backward pass: about a seventh of a DARTS supernet's activations. The
 * values are the same; the blocks, their parameters and their names are unchanged.
 *
 * <p>A {@link MixedOp} makes one for its edge and hands it to every block of its candidates that is
 * a {@link ReluSharing}; while the mixture is computed, a ReLU of the very input array of the
 * mixture returns the shared result, and any other ReLU is computed as usual. Not thread-safe, as a
 * block's forward pass is not.
 */
public final class SharedRelu {

    private @Nullable NDArray input;
    private @Nullable NDArray output;

    SharedRelu() {}

    /**
     * Applies a ReLU: the mixture's shared result if {@code input} is the input of the mixture
     * being computed, else {@code relu} of it.
     *
     * @param input the array to rectify
     * @param relu how to compute the ReLU
     * @return the rectified array; a shared result is closed by the mixture, not by the caller
     */
    public NDArray apply(NDArray input, UnaryOperator<NDArray> relu) {
        if (input != this.input) {
            return relu.apply(input);
        }
        if (output == null) {
            NDArray computed = relu.apply(input);
            // Out of the scope of the candidate that asked first, which would close it on return.
            NDScope.unregister(computed);
            output = computed;
        }
        return output;
    }

    /**
     * Starts sharing the ReLU of a mixture's input.
     *
     * @param mixtureInput the input of the mixture about to be computed
     */
    void begin(NDArray mixtureInput) {
        input = mixtureInput;
        output = null;
    }

    /**
     * Tells whether an array is the shared result, which only {@link #end()} may close.
     *
     * @param array an array
     * @return true if it is the shared ReLU
     */
    boolean holds(NDArray array) {
        return array == output;
    }

    /** Ends the mixture: lets go of the shared result (the gradient tape keeps what it needs). */
    void end() {
        if (output != null) {
            output.close();
        }
        input = null;
        output = null;
    }
}
