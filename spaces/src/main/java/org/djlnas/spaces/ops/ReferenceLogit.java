package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.djlnas.api.export.GraphBuilder;
import org.djlnas.api.export.HostTensor;

/**
 * Appends a logit fixed at 0 to {@code (N, K)} logits, giving {@code (N, K + 1)}: the last class is
 * the reference category of multinomial logistic regression, whose other classes' logits are learnt
 * relative to it. This is the identifiable form of the model; with a free logit per class the
 * softmax's invariance to a common shift makes the gradients of a lone linear layer sum to exactly
 * zero, which DJL's trainer refuses on its first step ("Gradient values are all zeros").
 */
public final class ReferenceLogit extends ParameterFreeBlock {

    private final int logits;

    /**
     * Creates the block.
     *
     * @param logits the number of learnt logits K it takes, at least 1
     */
    public ReferenceLogit(int logits) {
        if (logits < 1) {
            throw new IllegalArgumentException("logits is " + logits + "; expected at least 1");
        }
        this.logits = logits;
    }

    @Override
    NDArray apply(NDArray input) {
        NDArray zeros =
                input.getManager()
                        .zeros(new Shape(input.getShape().get(0), 1), input.getDataType());
        return NDArrays.concat(new NDList(input, zeros), 1);
    }

    @Override
    Shape outputShape(Shape input) {
        if (input.dimension() != 2 || input.get(1) != logits) {
            throw new IllegalArgumentException(
                    "input shape " + input + " does not fit; expected logits (N, " + logits + ")");
        }
        return new Shape(input.get(0), input.get(1) + 1);
    }

    @Override
    public String toString() {
        return "ReferenceLogit()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        // a linear map with zero weights gives the zero column
        T zero =
                graph.linear(
                        input, new HostTensor(new float[logits], new long[] {1, logits}), null);
        return graph.concatChannels(List.of(input, zero));
    }
}
