package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BilevelStepTest {

    private static final int BATCH_SIZE = 16;
    private static final double LEARNING_RATE = 0.025;
    private static final double XI = 0.5;

    private Supernet supernet;
    private NDManager manager;
    private Batch train;
    private Batch search;

    @BeforeEach
    void createSupernet() {
        supernet =
                Supernet.create(
                        DartsFixtures.tinyNasBench201(),
                        DartsFixtures.ENGINE,
                        new Shape(BATCH_SIZE, 1, DartsFixtures.SIDE, DartsFixtures.SIDE),
                        7,
                        DartsFixtures.THREE_CLASSES);
        manager = supernet.weights().get(0).getManager().newSubManager();
        train = DartsFixtures.batch(manager, BATCH_SIZE, 11);
        search = DartsFixtures.batch(manager, BATCH_SIZE, 12);
    }

    @AfterEach
    void closeSupernet() {
        manager.close();
        supernet.close();
    }

    @Test
    void firstOrderArchitectureStepMovesEveryAlphaAndNoWeight() {
        BilevelStep step = bilevelStep(DartsFixtures.settings(1, -1));
        Map<String, double[]> alphasBefore = supernet.alphas().values();
        List<float[]> weightsBefore = hostWeights();

        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            step.architectureStep(train, search, LEARNING_RATE);
        }

        supernet.alphas()
                .values()
                .forEach(
                        (edge, after) ->
                                assertThat(after).as(edge).isNotEqualTo(alphasBefore.get(edge)));
        assertBitIdentical(hostWeights(), weightsBefore);
    }

    @Test
    void weightStepMovesWeightsAndNoAlpha() {
        BilevelStep step = bilevelStep(DartsFixtures.settings(1, -1));
        Map<String, double[]> alphasBefore = supernet.alphas().values();
        List<float[]> weightsBefore = hostWeights();

        BatchResult result;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            result = step.weightStep(train, LEARNING_RATE);
        }

        assertThat(result.examples()).isEqualTo(BATCH_SIZE);
        assertThat(result.loss()).isPositive();
        assertThat(step.skippedSteps()).isZero();
        assertThat(HostVectors.distance(flatten(hostWeights()), flatten(weightsBefore)))
                .isPositive();
        supernet.alphas()
                .values()
                .forEach(
                        (edge, after) ->
                                assertThat(after).as(edge).isEqualTo(alphasBefore.get(edge)));
    }

    @Test
    void secondOrderGradientRestoresTheWeightsAndDiffersFromFirstOrderByTheUnrolledStep() {
        BilevelStep step = bilevelStep(DartsFixtures.settings(2, -1));
        List<float[]> weightsBefore = hostWeights();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double[] unrolled = HostVectors.flatten(step.unrolledGradient(train, search, XI));
            assertBitIdentical(hostWeights(), weightsBefore);
            double[] notUnrolled = HostVectors.flatten(step.unrolledGradient(train, search, 0));
            supernet.backward(search, Supernet.Gradients.ARCHITECTURE);
            double[] firstOrder = HostVectors.flatten(supernet.alphaGradients());

            assertThat(HostVectors.distance(notUnrolled, firstOrder)).isLessThan(1e-6);
            assertThat(HostVectors.distance(unrolled, firstOrder))
                    .isGreaterThan(0.1 * HostVectors.norm(firstOrder));
            assertThat(HostVectors.flatten(step.unrolledGradient(train, search, XI)))
                    .containsExactly(unrolled);
        }
    }

    @Test
    void secondOrderGradientInPlaceIsTheOneComputedOnCopiedWeights() {
        DartsSettings settings = DartsFixtures.settings(2, -1);
        MomentumSgd sgd =
                new MomentumSgd(supernet.weights(), settings.momentum(), settings.weightDecay());
        BilevelStep step = bilevelStep(settings, sgd);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            // Momentum buffers that are not zero, so that the unrolled step's direction has all
            // its terms.
            step.weightStep(train, LEARNING_RATE);
            List<float[]> weightsBefore = hostWeights();
            double[] copied = HostVectors.flatten(copiedWeightsGradient(sgd, XI));
            assertBitIdentical(hostWeights(), weightsBefore);
            double[] inPlace = HostVectors.flatten(step.unrolledGradient(train, search, XI));
            assertBitIdentical(hostWeights(), weightsBefore);
            assertThat(inPlace).containsExactly(copied);
        }
    }

    /**
     * The second-order gradient as computed before the weights were moved in place: new arrays for
     * the unrolled and shifted weights, copied into the weights through indexing.
     */
    private List<NDArray> copiedWeightsGradient(MomentumSgd sgd, double xi) {
        List<NDArray> weights = supernet.weights();
        List<NDArray> original = new ArrayList<>();
        for (NDArray weight : weights) {
            original.add(weight.mul(1));
        }
        supernet.backward(train, Supernet.Gradients.WEIGHTS);
        List<NDArray> unrolled = new ArrayList<>();
        List<NDArray> direction = sgd.direction();
        for (int i = 0; i < weights.size(); i++) {
            unrolled.add(original.get(i).sub(direction.get(i).mul(xi)));
        }
        setByIndexing(unrolled);
        supernet.backward(search, Supernet.Gradients.WEIGHTS);
        List<NDArray> validationWeights = supernet.weightGradients();
        supernet.backward(search, Supernet.Gradients.ARCHITECTURE);
        List<NDArray> validationAlpha = supernet.alphaGradients();
        double epsilon = 0.01 / Supernet.globalNorm(validationWeights);
        setByIndexing(shifted(original, validationWeights, epsilon));
        supernet.backward(train, Supernet.Gradients.ARCHITECTURE);
        List<NDArray> plus = supernet.alphaGradients();
        setByIndexing(shifted(original, validationWeights, -epsilon));
        supernet.backward(train, Supernet.Gradients.ARCHITECTURE);
        List<NDArray> minus = supernet.alphaGradients();
        setByIndexing(original);
        List<NDArray> gradients = new ArrayList<>();
        for (int i = 0; i < validationAlpha.size(); i++) {
            NDArray hessianVector = plus.get(i).sub(minus.get(i)).div(2 * epsilon);
            gradients.add(validationAlpha.get(i).sub(hessianVector.mul(xi)));
        }
        return gradients;
    }

    private void setByIndexing(List<NDArray> values) {
        for (int i = 0; i < values.size(); i++) {
            supernet.weights().get(i).set(new NDIndex("..."), values.get(i));
        }
    }

    private static List<NDArray> shifted(List<NDArray> base, List<NDArray> direction, double by) {
        List<NDArray> result = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            result.add(base.get(i).add(direction.get(i).mul(by)));
        }
        return result;
    }

    private BilevelStep bilevelStep(DartsSettings settings) {
        return bilevelStep(
                settings,
                new MomentumSgd(supernet.weights(), settings.momentum(), settings.weightDecay()));
    }

    private BilevelStep bilevelStep(DartsSettings settings, MomentumSgd sgd) {
        Adam adam =
                new Adam(
                        supernet.alphas().arrays(),
                        settings.architectureLearningRate(),
                        settings.architectureBeta1(),
                        settings.architectureBeta2(),
                        settings.architectureWeightDecay(),
                        1e-8);
        return new BilevelStep(supernet, sgd, adam, settings);
    }

    private List<float[]> hostWeights() {
        return supernet.weights().stream().map(NDArray::toFloatArray).toList();
    }

    private static void assertBitIdentical(List<float[]> actual, List<float[]> expected) {
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("weight %d", i).containsExactly(expected.get(i));
        }
    }

    private static double[] flatten(List<float[]> arrays) {
        return arrays.stream().flatMapToDouble(a -> Arrays.stream(toDoubles(a))).toArray();
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
