package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.junit.jupiter.api.Test;

class ArchitectureGradientTest {

    private static final int BATCH_SIZE = 16;
    private static final double STEP = 2e-3;

    @Test
    void backwardGivesTheFiniteDifferenceGradientOfTheTrainingLossInAlpha() {
        try (Supernet supernet =
                        Supernet.create(
                                DartsFixtures.tinyNasBench201(),
                                DartsFixtures.ENGINE,
                                new Shape(BATCH_SIZE, 1, DartsFixtures.SIDE, DartsFixtures.SIDE),
                                7,
                                DartsFixtures.THREE_CLASSES);
                NDManager manager = supernet.weights().get(0).getManager().newSubManager()) {
            ArchitectureWeights alphas = supernet.alphas();
            Map<String, double[]> point = spreadOut(alphas.values(), 3);
            alphas.load(point);
            Batch batch = DartsFixtures.batch(manager, BATCH_SIZE, 11);

            supernet.backward(batch, Supernet.Gradients.ARCHITECTURE);
            double[] analytic = HostVectors.flatten(supernet.alphaGradients());

            double[] numeric = new double[analytic.length];
            int index = 0;
            for (Map.Entry<String, double[]> edge : point.entrySet()) {
                for (int candidate = 0; candidate < edge.getValue().length; candidate++) {
                    double plus = lossAt(supernet, batch, point, edge.getKey(), candidate, STEP);
                    double minus = lossAt(supernet, batch, point, edge.getKey(), candidate, -STEP);
                    numeric[index++] = (plus - minus) / (2 * STEP);
                }
            }

            assertThat(HostVectors.norm(analytic)).isGreaterThan(1e-2);
            assertThat(HostVectors.cosine(analytic, numeric)).isGreaterThan(0.99);
            assertThat(HostVectors.distance(analytic, numeric) / HostVectors.norm(numeric))
                    .isLessThan(0.1);
        }
    }

    /** The training-mode loss with one α entry moved by {@code delta}; α is restored afterwards. */
    private static double lossAt(
            Supernet supernet,
            Batch batch,
            Map<String, double[]> point,
            String edge,
            int candidate,
            double delta) {
        Map<String, double[]> moved = new LinkedHashMap<>(point);
        double[] values = point.get(edge).clone();
        values[candidate] += delta;
        moved.put(edge, values);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            supernet.alphas().load(moved);
            double loss = supernet.backward(batch, Supernet.Gradients.ARCHITECTURE).loss();
            supernet.alphas().load(point);
            return loss;
        }
    }

    /** Random α, uniform in [-0.5, 0.5), so that no mixing weights are uniform. */
    private static Map<String, double[]> spreadOut(Map<String, double[]> shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, double[]> result = new LinkedHashMap<>();
        shape.forEach(
                (edge, values) -> {
                    double[] spread = new double[values.length];
                    for (int i = 0; i < spread.length; i++) {
                        spread[i] = 0.5 * (2 * random.nextDouble() - 1);
                    }
                    result.put(edge, spread);
                });
        return result;
    }
}
