package org.djlnas.strategies.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The LSTM controller's parameters, kept on the host in double precision between calls and copied
 * to the engine as 32-bit arrays for each pass: the first input, the LSTM cell's weights, and per
 * decision a softmax head over its options and an embedding of each option (the next step's input).
 * All start uniform in [-0.1, 0.1], as ENAS's controller does.
 */
final class LstmWeights {

    /** Half the width of the uniform initialisation. */
    static final double INITIAL_RANGE = 0.1;

    static final int FIRST_INPUT = 0;
    static final int INPUT_WEIGHTS = 1;
    static final int HIDDEN_WEIGHTS = 2;
    static final int GATE_BIAS = 3;
    private static final int PER_DECISION = 3;

    private final int hidden;
    private final List<Shape> shapes;
    private final double[][] values;

    /**
     * Draws the initial parameters.
     *
     * @param hidden the hidden and embedding size
     * @param decisions the decisions, each with its own head and embedding
     * @param random the random source
     */
    LstmWeights(int hidden, List<Decision> decisions, RandomGenerator random) {
        this.hidden = hidden;
        List<Shape> all = new ArrayList<>();
        all.add(new Shape(hidden));
        all.add(new Shape(hidden, 4L * hidden));
        all.add(new Shape(hidden, 4L * hidden));
        all.add(new Shape(4L * hidden));
        for (Decision decision : decisions) {
            all.add(new Shape(hidden, decision.options()));
            all.add(new Shape(decision.options()));
            all.add(new Shape(decision.options(), hidden));
        }
        this.shapes = List.copyOf(all);
        this.values = new double[shapes.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[Math.toIntExact(shapes.get(i).size())];
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = random.nextDouble(-INITIAL_RANGE, INITIAL_RANGE);
            }
        }
    }

    /** Returns the hidden size. */
    int hidden() {
        return hidden;
    }

    /** Returns the parameters, in place, for the optimizer. */
    double[][] values() {
        return values;
    }

    /** Returns the index of a decision's head weights, shaped (hidden, options). */
    static int head(Decision decision) {
        return GATE_BIAS + 1 + PER_DECISION * decision.index();
    }

    /** Returns the index of a decision's head bias, shaped (options). */
    static int headBias(Decision decision) {
        return head(decision) + 1;
    }

    /** Returns the index of a decision's option embeddings, shaped (options, hidden). */
    static int embedding(Decision decision) {
        return head(decision) + 2;
    }

    /**
     * Copies the parameters to the engine.
     *
     * @param manager owns the new arrays
     * @param trainable whether gradients are to be collected for them
     */
    NDList upload(NDManager manager, boolean trainable) {
        NDList arrays = new NDList(values.length);
        for (int i = 0; i < values.length; i++) {
            float[] data = new float[values[i].length];
            for (int j = 0; j < data.length; j++) {
                data[j] = (float) values[i][j];
            }
            NDArray array = manager.create(data, shapes.get(i));
            array.setRequiresGradient(trainable);
            arrays.add(array);
        }
        return arrays;
    }

    /**
     * Reads the gradients collected for uploaded parameters back to the host.
     *
     * @param arrays the arrays of {@link #upload} with {@code trainable} set
     */
    static double[][] gradients(NDList arrays) {
        double[][] gradients = new double[arrays.size()][];
        for (int i = 0; i < arrays.size(); i++) {
            float[] data = arrays.get(i).getGradient().toFloatArray();
            gradients[i] = new double[data.length];
            for (int j = 0; j < data.length; j++) {
                gradients[i][j] = data[j];
            }
        }
        return gradients;
    }
}
