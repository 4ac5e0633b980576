package org.djlnas.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {

    @Test
    void aVectorDominatesOnlyWhenNoWorseAnywhereAndBetterSomewhere() {
        assertThat(Pareto.dominates(new double[] {2, 2}, new double[] {1, 2})).isTrue();
        assertThat(Pareto.dominates(new double[] {2, 2}, new double[] {2, 2})).isFalse();
        assertThat(Pareto.dominates(new double[] {3, 1}, new double[] {1, 2})).isFalse();
    }

    @Test
    void sortsIntoFrontsInOrder() {
        List<double[]> points =
                List.of(
                        new double[] {1, 1}, // 0: dominated by 1 and 2
                        new double[] {3, 1}, // 1: front 0
                        new double[] {1, 3}, // 2: front 0
                        new double[] {0, 0}, // 3: front 2
                        new double[] {2, 2}); // 4: front 0
        assertThat(Pareto.fronts(points)).containsExactly(List.of(1, 2, 4), List.of(0), List.of(3));
    }

    @Test
    void extremesAreInfinitelyFarAndInnerPointsSumNormalisedGaps() {
        List<double[]> front =
                List.of(new double[] {0, 4}, new double[] {1, 2}, new double[] {4, 0});
        double[] distances = Pareto.crowdingDistances(front);
        assertThat(distances[0]).isInfinite();
        assertThat(distances[2]).isInfinite();
        assertThat(distances[1]).isCloseTo((4 - 0) / 4.0 + (4 - 0) / 4.0, within(1e-12));
    }

    @Test
    void hypervolumeOfAStaircaseInTwoAndThreeDimensions() {
        List<double[]> two = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        // 1×3 + 1×2 + 1×1 above the origin
        assertThat(Pareto.hypervolume(two, new double[] {0, 0})).isCloseTo(6, within(1e-12));
        List<double[]> three =
                List.of(new double[] {1, 1, 2}, new double[] {2, 1, 1}, new double[] {1, 2, 1});
        // three 1×1×2-shaped boxes sharing the unit cube: 3×2 − 2×1
        assertThat(Pareto.hypervolume(three, new double[] {0, 0, 0})).isCloseTo(4, within(1e-12));
    }

    @Test
    void pointsThatDoNotBeatTheReferenceAddNothing() {
        List<double[]> points = List.of(new double[] {2, 2}, new double[] {5, -1});
        assertThat(Pareto.hypervolume(points, new double[] {0, 0})).isCloseTo(4, within(1e-12));
        assertThat(Pareto.hypervolume(List.of(), new double[] {0, 0})).isZero();
    }
}
