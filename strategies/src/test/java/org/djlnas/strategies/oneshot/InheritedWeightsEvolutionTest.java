package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.supernet.OneShotSpace;
import org.junit.jupiter.api.Test;

class InheritedWeightsEvolutionTest {

    private static final OneShotSpace SPACE = DartsFixtures.tinyNasBench201();
    private static final Architecture PLANTED = SPACE.sample(new SplittableRandom(42));

    /** The share of choices an architecture has in common with the planted one. */
    private static double agreement(Architecture architecture) {
        long same =
                PLANTED.values().entrySet().stream()
                        .filter(e -> e.getValue().equals(architecture.values().get(e.getKey())))
                        .count();
        return (double) same / PLANTED.values().size();
    }

    @Test
    void evolutionFindsThePlantedBestArchitectureThatRandomDrawsMiss() {
        List<Architecture> measured = new ArrayList<>();

        InheritedWeightsEvolution.Best<Double> best =
                InheritedWeightsEvolution.search(
                        SPACE,
                        300,
                        7,
                        architecture -> {
                            measured.add(architecture);
                            return agreement(architecture);
                        },
                        agreement -> agreement,
                        agreement -> 1 - agreement);

        assertThat(SPACE.size().count().longValue()).isEqualTo(15625);
        assertThat(best.architecture()).isEqualTo(PLANTED);
        assertThat(best.measurement()).isEqualTo(1.0);
        assertThat(best.measured()).isEqualTo(300);
        assertThat(measured).hasSize(300).doesNotHaveDuplicates();
        SplittableRandom random = new SplittableRandom(7);
        double bestRandom = 0;
        for (int i = 0; i < 300; i++) {
            bestRandom = Math.max(bestRandom, agreement(SPACE.sample(random)));
        }
        assertThat(bestRandom).isLessThan(1.0);
    }

    @Test
    void amongEqualScoresTheLowerLossWinsAndThenTheFirstMeasured() {
        List<Architecture> measured = new ArrayList<>();

        InheritedWeightsEvolution.Best<double[]> best =
                InheritedWeightsEvolution.search(
                        SPACE,
                        5,
                        3,
                        architecture -> {
                            measured.add(architecture);
                            int n = measured.size();
                            return new double[] {0.5, n == 3 || n == 4 ? 0.1 : 1.0};
                        },
                        scores -> scores[0],
                        scores -> scores[1]);

        assertThat(best.architecture()).isEqualTo(measured.get(2));
    }
}
