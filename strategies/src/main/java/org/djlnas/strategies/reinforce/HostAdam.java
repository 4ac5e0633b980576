package org.djlnas.strategies.reinforce;

/**
 * Adam (Kingma &amp; Ba 2015) on host arrays in double precision, with PyTorch's semantics:
 * bias-corrected moments, ε added after the square root, β = (0.9, 0.999), ε = 1e-8, no weight
 * decay.
 */
final class HostAdam {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[][] first;
    private final double[][] second;
    private long steps;

    /**
     * Creates an optimizer for parameters of the given shapes, with zero moments.
     *
     * @param parameters the parameters (only their lengths are read)
     * @param learningRate the step size
     */
    HostAdam(double[][] parameters, double learningRate) {
        this.learningRate = learningRate;
        this.first = new double[parameters.length][];
        this.second = new double[parameters.length][];
        for (int i = 0; i < parameters.length; i++) {
            first[i] = new double[parameters[i].length];
            second[i] = new double[parameters[i].length];
        }
    }

    /**
     * Takes one step downhill: updates the parameters in place from the gradients of the loss.
     *
     * @param parameters the parameters
     * @param gradients the loss's gradient, shaped as the parameters
     */
    void step(double[][] parameters, double[][] gradients) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            double[] p = parameters[i];
            double[] g = gradients[i];
            double[] m = first[i];
            double[] v = second[i];
            for (int j = 0; j < p.length; j++) {
                m[j] = BETA1 * m[j] + (1 - BETA1) * g[j];
                v[j] = BETA2 * v[j] + (1 - BETA2) * g[j] * g[j];
                double denominator = Math.sqrt(v[j] / correction2) + EPSILON;
                p[j] -= learningRate / correction1 * m[j] / denominator;
            }
        }
    }

    /**
     * Returns the optimizer's state for a checkpoint: the first moments, then the second moments,
     * then the step count as a one-element array.
     */
    double[][] state() {
        double[][] state = new double[2 * first.length + 1][];
        for (int i = 0; i < first.length; i++) {
            state[i] = first[i].clone();
            state[first.length + i] = second[i].clone();
        }
        state[2 * first.length] = new double[] {steps};
        return state;
    }

    /**
     * Restores the state of {@link #state()}.
     *
     * @throws IllegalArgumentException if the state has another shape
     */
    void load(double[][] state) {
        if (state.length != 2 * first.length + 1) {
            throw new IllegalArgumentException(
                    "the optimizer state holds "
                            + state.length
                            + " arrays; expected "
                            + (2 * first.length + 1));
        }
        for (int i = 0; i < first.length; i++) {
            copy(state[i], first[i]);
            copy(state[first.length + i], second[i]);
        }
        steps = (long) state[2 * first.length][0];
    }

    /** Copies an array of the same length in place. */
    static void copy(double[] from, double[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException(
                    "a saved array has " + from.length + " values; expected " + to.length);
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
