package org.djlnas.strategies.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.InputChoice;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.Repeat;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.strategies.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The distance over choice trees, and the kernel built on it. */
class ChoiceDistanceTest {

    /** Nested layer choices, inputs, a repeat, and a log-scaled continuous value. */
    static SearchSpace mixed() {
        LayerChoice op =
                LayerChoice.builder("op")
                        .addCandidate(
                                "conv",
                                ValueChoice.categorical("op/conv/width", List.of(8, 16, 32)))
                        .addCandidate("pool")
                        .build();
        InputChoice inputs =
                InputChoice.of(
                        "inputs",
                        4,
                        2,
                        i ->
                                List.<Choice>of(
                                        LayerChoice.of("inputs/" + i + "/op", List.of("a", "b"))));
        Repeat depth =
                Repeat.of(
                        "depth",
                        List.of(1, 2, 3),
                        layer ->
                                List.<Choice>of(
                                        ValueChoice.integerRange(
                                                "depth/" + layer + "/units", 1, 4)));
        ValueChoice rate = ValueChoice.floatRange("rate", 1e-4, 1e-1, true);
        return Fixtures.space("mixed", new ChoiceTree(List.of(op, inputs, depth, rate)));
    }

    private static Architecture nb201(SearchSpace space, String... ops) {
        Architecture first = space.sample(new SplittableRandom(0));
        Map<String, Object> values = new TreeMap<>();
        List<String> labels = new ArrayList<>(first.values().keySet());
        for (int i = 0; i < labels.size(); i++) {
            values.put(labels.get(i), ops[i]);
        }
        return space.validate(Architecture.of(values));
    }

    @Test
    void onNasBench201TheDistanceIsTheFractionOfEdgesWhoseOperationDiffers() {
        SearchSpace space = Fixtures.nasBench201();
        ChoiceEncoding encoding = new ChoiceEncoding(space.choices());
        ChoiceDistance distance = new ChoiceDistance(encoding, List.of());
        String[] a = {
            "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3", "none"
        };
        String[] b = {"none", "skip_connect", "nor_conv_3x3", "nor_conv_3x3", "none", "none"};
        assertThat(encoding.size()).isEqualTo(6);
        double[] x = encoding.encode(nb201(space, a));
        double[] y = encoding.encode(nb201(space, b));
        assertThat(distance.between(x, y)).isCloseTo(2 / 6.0, within(1e-12));
        assertThat(distance.between(y, x)).isCloseTo(2 / 6.0, within(1e-12));
        assertThat(distance.between(x, x)).isZero();
    }

    @Test
    void unreachedLabelsCountOnceAndContinuousValuesByRank() {
        SearchSpace space = mixed();
        ChoiceEncoding encoding = new ChoiceEncoding(space.choices());
        Architecture base = space.sample(new SplittableRandom(5));
        Architecture conv = base.with("op", "conv").with("op/conv/width", 8);
        Map<String, Object> poolValues = new TreeMap<>(conv.values());
        poolValues.remove("op/conv/width");
        poolValues.put("op", "pool");
        Architecture pool = space.validate(Architecture.of(poolValues));
        List<double[]> reference =
                List.of(
                        encoding.encode(conv.with("rate", 1e-4)),
                        encoding.encode(conv.with("rate", 1e-3)),
                        encoding.encode(conv.with("rate", 1e-2)));
        ChoiceDistance distance = new ChoiceDistance(encoding, reference);
        int labels = encoding.size();
        // conv → pool: "op" differs and "op/conv/width" is reached by one of them only.
        assertThat(distance.between(encoding.encode(space.validate(conv)), encoding.encode(pool)))
                .isCloseTo(2.0 / labels, within(1e-12));
        // Ranks among 1e-4, 1e-3, 1e-2 are 0, 0.5 and 1; 5.5e-3 is half way from 1e-3 to 1e-2.
        double[] low = encoding.encode(conv.with("rate", 1e-4));
        double[] middle = encoding.encode(conv.with("rate", 5.5e-3));
        double[] above = encoding.encode(conv.with("rate", 0.05));
        assertThat(distance.between(low, middle)).isCloseTo(0.75 / labels, within(1e-12));
        assertThat(distance.between(low, above)).isCloseTo(1.0 / labels, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.2, 1, 3.2})
    void theKernelIsPositiveSemiDefiniteOnAMixedSpace(double lengthScale) {
        SearchSpace space = mixed();
        ChoiceEncoding encoding = new ChoiceEncoding(space.choices());
        SplittableRandom random = new SplittableRandom(11);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Architecture a = space.sample(random);
            points.add(encoding.encode(a));
            points.add(encoding.encode(space.mutate(a, random)));
        }
        ChoiceDistance distance = new ChoiceDistance(encoding, points.subList(0, 30));
        double[][] d = distance.matrix(points, points);
        int n = points.size();
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(d[i][j]).isBetween(0.0, 1.0).isEqualTo(d[j][i]);
                gram.set(i, j, new Hyperparameters(lengthScale, 0).correlation(d[i][j]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eigen.decompose(gram)).isTrue();
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            smallest = Math.min(smallest, eigen.getEigenvalue(i).getReal());
        }
        assertThat(smallest).isGreaterThan(-1e-10);
    }
}
