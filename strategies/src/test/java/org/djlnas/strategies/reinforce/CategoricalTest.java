package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalTest {

    private static double[] probabilities(double[] logP) {
        return Arrays.stream(logP).map(Math::exp).toArray();
    }

    @Test
    void isTheSoftmaxOfTheTemperedLogitsOverTheOptionsNotExcluded() {
        double[] logits = {1, 2, 0.5, -1};
        double[] logP = Categorical.logProbabilities(logits, 2, List.of(1));
        double normalizer = Math.exp(0.5) + Math.exp(0.25) + Math.exp(-0.5);
        assertThat(logP[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Math.exp(logP[0])).isCloseTo(Math.exp(0.5) / normalizer, within(1e-12));
        assertThat(Math.exp(logP[3])).isCloseTo(Math.exp(-0.5) / normalizer, within(1e-12));
        assertThat(Arrays.stream(probabilities(logP)).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void refusesToDrawFromLogProbabilitiesThatAreNotNumbers() {
        double[] logP = Categorical.logProbabilities(new double[] {0.5, Double.NaN}, 1, List.of());
        assertThatThrownBy(() -> Categorical.draw(logP, new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NaN")
                .hasMessageContaining("no longer finite");
    }

    @Test
    void staysFiniteForLargeLogits() {
        double[] logP = Categorical.logProbabilities(new double[] {1000, 999}, 1, List.of());
        assertThat(Math.exp(logP[0])).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
    }

    @Test
    void drawsEachOptionAsOftenAsItsProbabilityAndNeverAnExcludedOne() {
        double[] logP = Categorical.logProbabilities(new double[] {0, 1, 2, 0.3}, 1, List.of(2));
        SplittableRandom random = new SplittableRandom(5);
        int draws = 40_000;
        int[] counts = new int[4];
        for (int i = 0; i < draws; i++) {
            counts[Categorical.draw(logP, random)]++;
        }
        assertThat(counts[2]).isZero();
        for (int j = 0; j < 4; j++) {
            assertThat((double) counts[j] / draws).isCloseTo(Math.exp(logP[j]), within(0.01));
        }
    }

    @Test
    void theEntropyOfAUniformDistributionIsTheLogOfItsSize() {
        double[] logP = Categorical.logProbabilities(new double[] {3, 3, 3, 3, 3}, 1, List.of(0));
        assertThat(Categorical.entropy(logP)).isCloseTo(Math.log(4), within(1e-12));
    }
}
