package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    private static final float[] START = {1f, -2f, 0.5f};
    private static final double[] COEFFICIENTS = {0.5, 1.0, 2.0};
    private static final double LEARNING_RATE = 0.1;
    private static final double MOMENTUM = 0.9;
    private static final double WEIGHT_DECAY = 0.01;
    private static final double BETA1 = 0.5;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void momentumSgdFollowsPyTorchForTwoSteps() {
        NDArray parameter = parameter(START);
        MomentumSgd sgd = new MomentumSgd(List.of(parameter), MOMENTUM, WEIGHT_DECAY);
        double[] w = toDoubles(START);
        double[] buffer = new double[w.length];
        for (int step = 0; step < 2; step++) {
            computeGradient(parameter);
            sgd.step(LEARNING_RATE);
            for (int i = 0; i < w.length; i++) {
                double direction = gradient(w, i) + WEIGHT_DECAY * w[i];
                buffer[i] = MOMENTUM * buffer[i] + direction;
                w[i] -= LEARNING_RATE * buffer[i];
            }
            assertClose(parameter, w);
        }
    }

    @Test
    void momentumSgdDirectionIsTheNextStepWithoutTakingIt() {
        NDArray parameter = parameter(START);
        MomentumSgd sgd = new MomentumSgd(List.of(parameter), MOMENTUM, WEIGHT_DECAY);
        computeGradient(parameter);
        sgd.step(LEARNING_RATE);
        computeGradient(parameter);
        float[] before = parameter.toFloatArray();
        float[] direction = sgd.direction().get(0).toFloatArray();

        assertThat(parameter.toFloatArray()).containsExactly(before);
        sgd.step(LEARNING_RATE);
        float[] after = parameter.toFloatArray();
        for (int i = 0; i < before.length; i++) {
            assertThat((double) after[i])
                    .isCloseTo(before[i] - LEARNING_RATE * direction[i], within(1e-6));
        }
    }

    @Test
    void adamFollowsPyTorchForTwoSteps() {
        NDArray parameter = parameter(START);
        Adam adam =
                new Adam(List.of(parameter), LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY, EPSILON);
        double[] p = toDoubles(START);
        double[] first = new double[p.length];
        double[] second = new double[p.length];
        for (int step = 1; step <= 2; step++) {
            adam.step(List.of(computeGradient(parameter)));
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            for (int i = 0; i < p.length; i++) {
                double g = gradient(p, i) + WEIGHT_DECAY * p[i];
                first[i] = BETA1 * first[i] + (1 - BETA1) * g;
                second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
                double denominator = Math.sqrt(second[i] / correction2) + EPSILON;
                p[i] -= LEARNING_RATE / correction1 * first[i] / denominator;
            }
            assertClose(parameter, p);
        }
        assertThat(adam.steps()).isEqualTo(2);
    }

    @Test
    void momentumSgdStateRoundTripsIntoAFreshOptimizer() {
        NDArray original = parameter(START);
        MomentumSgd trained = new MomentumSgd(List.of(original), MOMENTUM, WEIGHT_DECAY);
        computeGradient(original);
        trained.step(LEARNING_RATE);
        NDArray copy = parameter(original.toFloatArray());
        MomentumSgd restored = new MomentumSgd(List.of(copy), MOMENTUM, WEIGHT_DECAY);
        restored.load(trained.state());

        computeGradient(original);
        trained.step(LEARNING_RATE);
        computeGradient(copy);
        restored.step(LEARNING_RATE);

        assertThat(copy.toFloatArray()).containsExactly(original.toFloatArray());
        assertThatThrownBy(() -> restored.load(new NDList()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum buffers");
    }

    @Test
    void adamStateAndStepCountRoundTripIntoAFreshOptimizer() {
        NDArray original = parameter(START);
        Adam trained =
                new Adam(List.of(original), LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY, EPSILON);
        trained.step(List.of(computeGradient(original)));
        NDArray copy = parameter(original.toFloatArray());
        Adam restored = new Adam(List.of(copy), LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY, EPSILON);
        restored.load(trained.state(), trained.steps());

        trained.step(List.of(computeGradient(original)));
        restored.step(List.of(computeGradient(copy)));

        assertThat(restored.steps()).isEqualTo(2);
        assertThat(copy.toFloatArray()).containsExactly(original.toFloatArray());
        assertThatThrownBy(() -> restored.load(new NDList(copy), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Adam moments");
    }

    private NDArray parameter(float[] values) {
        NDArray array = manager.create(values);
        array.setRequiresGradient(true);
        return array;
    }

    /** The gradient of {@code Σ cᵢ wᵢ²} at w: {@code 2 cᵢ wᵢ}. */
    private static double gradient(double[] w, int i) {
        return 2 * COEFFICIENTS[i] * w[i];
    }

    /** Leaves the gradient of {@code Σ cᵢ wᵢ²} in the parameter, replacing any earlier one. */
    private NDArray computeGradient(NDArray parameter) {
        if (parameter.hasGradient()) {
            parameter.getGradient().set(new NDIndex("..."), 0);
        }
        try (GradientCollector collector =
                Engine.getEngine(DartsFixtures.ENGINE).newGradientCollector()) {
            NDArray coefficients =
                    manager.create(COEFFICIENTS).toType(parameter.getDataType(), false);
            collector.backward(parameter.square().mul(coefficients).sum());
        }
        return parameter.getGradient();
    }

    private static void assertClose(NDArray actual, double[] expected) {
        float[] values = actual.toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) values[i]).as("entry %d", i).isCloseTo(expected[i], within(1e-5));
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
