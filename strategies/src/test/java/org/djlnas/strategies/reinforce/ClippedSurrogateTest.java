package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

class ClippedSurrogateTest {

    private static final double EPSILON = 1e-6;

    /** Old log-probability 0, so that the ratio is {@code exp(logP)}. */
    private static double[] weightAt(double advantage, double ratio) {
        return new ClippedSurrogate(new double[] {advantage}, new double[] {0}, 0.2)
                .weights(new double[] {Math.log(ratio)});
    }

    @Test
    void theGradientIsZeroWhereTheRatioHasLeftTheClipRangeInTheAdvantagesDirection() {
        assertThat(weightAt(2, 1.25)[0]).isZero();
        assertThat(weightAt(2, 3)[0]).isZero();
        assertThat(weightAt(-2, 0.75)[0]).isZero();
        assertThat(weightAt(-2, 0.1)[0]).isZero();
    }

    @Test
    void elsewhereTheGradientIsTheRatioTimesTheAdvantage() {
        assertThat(weightAt(2, 1)[0]).isCloseTo(2, within(1e-12));
        assertThat(weightAt(2, 1.15)[0]).isCloseTo(2.3, within(1e-12));
        assertThat(weightAt(2, 0.5)[0])
                .as("below the range, a good sample still pulls")
                .isCloseTo(1, within(1e-12));
        assertThat(weightAt(-2, 1.5)[0])
                .as("above the range, a bad sample still pushes")
                .isCloseTo(-3, within(1e-12));
        assertThat(weightAt(-2, 0.9)[0]).isCloseTo(-1.8, within(1e-12));
    }

    @Test
    void theWeightsAreTheObjectivesDerivativesWithRespectToTheLogProbabilities() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 6;
        double[] advantages = random.doubles(n, -2, 2).toArray();
        double[] old = random.doubles(n, -8, -1).toArray();
        ClippedSurrogate surrogate = new ClippedSurrogate(advantages, old, 0.2);
        for (int trial = 0; trial < 50; trial++) {
            double[] logP = new double[n];
            for (int i = 0; i < n; i++) {
                logP[i] = old[i] + random.nextDouble(-0.5, 0.5);
            }
            double[] weights = surrogate.weights(logP);
            for (int i = 0; i < n; i++) {
                double original = logP[i];
                logP[i] = original + EPSILON;
                double up = surrogate.value(logP);
                logP[i] = original - EPSILON;
                double down = surrogate.value(logP);
                logP[i] = original;
                assertThat(weights[i])
                        .as("d objective / d log p[%d]", i)
                        .isCloseTo((up - down) / (2 * EPSILON), within(1e-6));
            }
        }
    }

    @Test
    void aBatchBeyondTheClipRangeLeavesThePolicyAsItIs() {
        Decisions decisions = Decisions.of(Fixtures.nasBench201());
        SplittableRandom random = new SplittableRandom(2);
        IndependentPolicy policy =
                new IndependentPolicy(
                        decisions,
                        ReinforceSettings.from(ReinforceFixtures.settings(Map.of())),
                        random);
        List<Sample> batch = List.of(policy.sample(random), policy.sample(random));
        double[] now = policy.logProbabilities(batch);
        double[] old = {now[0] - 1, now[1] + 1};
        policy.step(batch, new ClippedSurrogate(new double[] {1, -1}, old, 0.2));
        assertThat(policy.logProbabilities(batch)).containsExactly(now);
    }

    @Test
    void oneAdvantagePerSample() {
        assertThatThrownBy(() -> new ClippedSurrogate(new double[] {1, 2}, new double[] {0}, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 advantages for 1 samples; expected one per sample");
    }
}
