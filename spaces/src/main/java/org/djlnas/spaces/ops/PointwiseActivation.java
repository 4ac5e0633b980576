package org.djlnas.spaces.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.djlnas.api.export.GraphBuilder;

/**
 * An activation applied to every element: ReLU, GELU (exact, with {@code erf}, as DJL computes it
 * on PyTorch), tanh or the logistic sigmoid. Each exports.
 */
public final class PointwiseActivation extends ParameterFreeBlock {

    /** The activations, by the name a search space uses. */
    public enum Kind {
        /** {@code max(0, x)}. */
        RELU,
        /** The Gaussian error linear unit. */
        GELU,
        /** The hyperbolic tangent. */
        TANH,
        /** The logistic sigmoid. */
        SIGMOID;

        /**
         * Returns the name a space uses.
         *
         * @return the lower-case name
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Returns every activation's name.
         *
         * @return the names
         */
        public static List<String> ids() {
            return Arrays.stream(values()).map(Kind::id).toList();
        }

        /**
         * Finds an activation by name.
         *
         * @param id the name
         * @return the activation
         */
        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private final Kind kind;

    /**
     * Creates the activation.
     *
     * @param kind which one
     */
    public PointwiseActivation(Kind kind) {
        this.kind = kind;
    }

    /**
     * Returns which activation this is.
     *
     * @return the activation
     */
    public Kind kind() {
        return kind;
    }

    @Override
    NDArray apply(NDArray input) {
        return switch (kind) {
            case RELU -> Activation.relu(input);
            case GELU -> Activation.gelu(input);
            case TANH -> Activation.tanh(input);
            case SIGMOID -> Activation.sigmoid(input);
        };
    }

    @Override
    boolean isRelu() {
        return kind == Kind.RELU;
    }

    @Override
    Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public String toString() {
        return kind.id() + "()";
    }

    @Override
    <T> T lower(GraphBuilder<T> graph, T input) {
        return switch (kind) {
            case RELU -> graph.relu(input);
            case GELU -> graph.gelu(input);
            case TANH -> graph.tanh(input);
            case SIGMOID -> graph.sigmoid(input);
        };
    }
}
