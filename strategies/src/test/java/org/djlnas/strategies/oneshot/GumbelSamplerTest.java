package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.EdgePath;
import org.djlnas.api.supernet.MixedOp;
import org.djlnas.api.supernet.SearchCell;
import org.junit.jupiter.api.Test;

class GumbelSamplerTest {

    private static final String EDGE = "cell/node1/from0";
    private static final Shape INPUT = new Shape(2, 3, 4, 4);
    private static final double[] PROBABILITIES = {0.1, 0.3, 0.2, 0.4};

    /** One edge over none and three operations. */
    private static final SearchCell CELL =
            new SearchCell(
                    Cell.builder()
                            .setLabel("cell")
                            .setNodes(1)
                            .setOperations(List.of("skip_connect", "avg_pool_3x3", "max_pool_3x3"))
                            .build(),
                    List.of("none", "skip_connect", "avg_pool_3x3", "max_pool_3x3"),
                    "none");

    @Test
    void theNoiseIsAFunctionOfTheSeedAndTheEpoch() {
        double[] first = GumbelSampler.noise(GdasMethod.noise(7, 2), 50);

        assertThat(GumbelSampler.noise(GdasMethod.noise(7, 2), 50)).containsExactly(first);
        assertThat(GumbelSampler.noise(GdasMethod.noise(7, 3), 50)).isNotEqualTo(first);
        assertThat(GumbelSampler.noise(GdasMethod.noise(8, 2), 50)).isNotEqualTo(first);
        assertThat(Arrays.stream(first).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void hardSamplesAreDrawnFromSoftmaxOfAlpha() {
        float[] alpha = new float[PROBABILITIES.length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = (float) (Math.log(PROBABILITIES[i]) + 0.7);
        }
        SplittableRandom random = new SplittableRandom(3);
        int draws = 40_000;
        int[] counts = new int[alpha.length];
        for (int n = 0; n < draws; n++) {
            counts[GumbelSampler.hardSample(alpha, GumbelSampler.noise(random, alpha.length))]++;
        }

        // Four standard deviations of a frequency over 40,000 draws is at most 0.01.
        for (int i = 0; i < alpha.length; i++) {
            assertThat((double) counts[i] / draws).isCloseTo(PROBABILITIES[i], within(0.01));
        }
    }

    /**
     * Candidate {@code i} multiplies its input by {@code i}, so the loss {@code sum(out)} has the
     * gradient {@code i · sum(x)} in the path's weight h, and α's gradient is that times {@code
     * ∂s_k/∂α = s_k (e_k − s) / τ}.
     */
    @Test
    void aPassComputesOnlyTheSampledCandidateAndPassesTheStraightThroughGradientToAlpha() {
        double temperature = 2;
        try (NDManager manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager()) {
            ArchitectureWeights weights = ArchitectureWeights.create(manager, List.of(CELL), 0, 1);
            weights.load(Map.of(EDGE, Arrays.stream(PROBABILITIES).map(Math::log).toArray()));
            List<AtomicInteger> calls = new ArrayList<>();
            MixedOp mixed = new MixedOp(EDGE, weights, scalingCandidates(calls));
            mixed.initialize(manager, DataType.FLOAT32, INPUT);
            NDArray x = manager.randomNormal(INPUT);
            double sum = x.sum().getFloat();
            NDArray alpha = weights.alpha(EDGE);
            GumbelSampler sampler = new GumbelSampler(temperature, new SplittableRandom(9));
            SplittableRandom twin = new SplittableRandom(9);
            int[] drawn = new int[CELL.candidates().size()];

            for (int pass = 0; pass < 24; pass++) {
                double[] noise = GumbelSampler.noise(twin, PROBABILITIES.length);
                int expected = GumbelSampler.hardSample(alpha.toFloatArray(), noise);
                calls.forEach(c -> c.set(0));
                if (pass > 0) {
                    alpha.getGradient().set(new NDIndex("..."), 0);
                }
                NDArray out;
                EdgePath path;
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    Map<String, EdgePath> paths = sampler.sample(weights);
                    path = paths.get(EDGE);
                    weights.choosePaths(paths);
                    out =
                            mixed.forward(new ParameterStore(manager, false), new NDList(x), true)
                                    .singletonOrThrow();
                    collector.backward(out.sum());
                } finally {
                    weights.clearPaths();
                }
                drawn[expected]++;

                assertThat(path.candidate()).isEqualTo(expected);
                assertThat(path.scale().getFloat()).isEqualTo(1f);
                if (expected != 0) {
                    // (The zero path asks every candidate for its output shape, which runs a
                    // LambdaBlock on a dummy input; real operations compute shapes arithmetically.)
                    for (int i = 1; i < calls.size() + 1; i++) {
                        assertThat(calls.get(i - 1)).hasValue(i == expected ? 1 : 0);
                    }
                }
                assertThat(out.allClose(x.mul(expected), 1e-5, 1e-6, false)).isTrue();
                double[] gradient = toDoubles(alpha.getGradient().toFloatArray());
                double[] soft = soft(alpha.toFloatArray(), noise, temperature);
                for (int j = 0; j < soft.length; j++) {
                    double straightThrough =
                            expected
                                    * sum
                                    * soft[expected]
                                    * ((j == expected ? 1 : 0) - soft[j])
                                    / temperature;
                    assertThat(gradient[j])
                            .as("pass %d, drew %d, gradient of α_%d", pass, expected, j)
                            .isCloseTo(straightThrough, within(1e-4 + 1e-3 * Math.abs(sum)));
                }
            }
            assertThat(drawn).as("draws per candidate").doesNotContain(0);
        }
    }

    private static List<Block> scalingCandidates(List<AtomicInteger> calls) {
        List<Block> candidates = new ArrayList<>();
        candidates.add(null);
        for (int i = 1; i < CELL.candidates().size(); i++) {
            AtomicInteger count = new AtomicInteger();
            calls.add(count);
            int factor = i;
            candidates.add(
                    new LambdaBlock(
                            in -> {
                                count.incrementAndGet();
                                return new NDList(in.head().mul(factor));
                            }));
        }
        return candidates;
    }

    /** {@code softmax((log_softmax(α) + g) / τ)} on the host. */
    private static double[] soft(float[] alpha, double[] noise, double temperature) {
        double[] logits = new double[alpha.length];
        double[] probabilities = ArchitectureWeights.softmax(toDoubles(alpha));
        for (int i = 0; i < alpha.length; i++) {
            logits[i] = (Math.log(probabilities[i]) + noise[i]) / temperature;
        }
        return ArchitectureWeights.softmax(logits);
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
