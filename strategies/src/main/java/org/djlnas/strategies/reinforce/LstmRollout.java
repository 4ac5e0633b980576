package org.djlnas.strategies.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * One pass of the LSTM controller over a sequence of picks, in DJL operations on the engine: each
 * pick advances one LSTM step (input, forget, cell and output gates, as Hochreiter &amp;
 * Schmidhuber's cell with a forget gate), reads the decision's logits from the hidden state, and
 * feeds the embedding of the option picked as the next input. The first input is a learned vector.
 */
final class LstmRollout {

    /** Added to the logits of options already picked, so that their probability is zero. */
    private static final float EXCLUDED = -1e9f;

    private final NDManager manager;
    private final NDList weights;
    private final int hidden;
    private final NDArray temperature;
    private NDArray input;
    private NDArray state;
    private NDArray cell;

    /**
     * Starts a pass from a zero state.
     *
     * @param manager owns the arrays of the pass
     * @param weights the arrays of {@link LstmWeights#upload}
     * @param hidden the hidden size
     * @param temperature divides the logits
     */
    LstmRollout(NDManager manager, NDList weights, int hidden, double temperature) {
        this.manager = manager;
        this.weights = weights;
        this.hidden = hidden;
        this.temperature = scalar(manager, temperature);
        this.input = weights.get(LstmWeights.FIRST_INPUT).reshape(1, hidden);
        this.state = manager.zeros(new Shape(1, hidden));
        this.cell = manager.zeros(new Shape(1, hidden));
    }

    /**
     * Returns a scalar array owned by the manager, for arithmetic that is differentiated.
     *
     * <p>Never {@code mul(Number)} or {@code div(Number)} on a recorded array: DJL's PyTorch engine
     * wraps the number in an array over a direct buffer, closes that array as soon as the operation
     * returns, and PyTorch's autograd then reads the scalar in the backward pass from memory the
     * garbage collector may have freed (the gradients come back as NaN now and then). An array from
     * here lives, with its buffer, until the manager closes.
     *
     * @param manager owns the array
     * @param value the scalar
     */
    static NDArray scalar(NDManager manager, double value) {
        return manager.create((float) value);
    }

    /**
     * Advances one step and returns the tempered logits of a decision's options, shaped (1,
     * options), with the options already picked excluded.
     *
     * @param decision the decision
     * @param excluded options already picked for it
     */
    NDArray next(Decision decision, List<Integer> excluded) {
        NDArray gates =
                input.matMul(weights.get(LstmWeights.INPUT_WEIGHTS))
                        .add(state.matMul(weights.get(LstmWeights.HIDDEN_WEIGHTS)))
                        .add(weights.get(LstmWeights.GATE_BIAS));
        NDList split = gates.split(4, 1);
        NDArray inputGate = Activation.sigmoid(split.get(0));
        NDArray forgetGate = Activation.sigmoid(split.get(1));
        NDArray candidate = split.get(2).tanh();
        NDArray outputGate = Activation.sigmoid(split.get(3));
        cell = forgetGate.mul(cell).add(inputGate.mul(candidate));
        state = outputGate.mul(cell.tanh());
        NDArray logits =
                state.matMul(weights.get(LstmWeights.head(decision)))
                        .add(weights.get(LstmWeights.headBias(decision)))
                        .div(temperature);
        if (excluded.isEmpty()) {
            return logits;
        }
        float[] mask = new float[decision.options()];
        excluded.forEach(j -> mask[j] = EXCLUDED);
        return logits.add(manager.create(mask, new Shape(1, decision.options())));
    }

    /**
     * Feeds the embedding of the option picked as the next step's input.
     *
     * @param decision the decision
     * @param option the option picked
     */
    void feed(Decision decision, int option) {
        input = weights.get(LstmWeights.embedding(decision)).get(option).reshape(1, hidden);
    }
}
