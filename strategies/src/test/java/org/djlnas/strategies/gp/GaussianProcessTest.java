package org.djlnas.strategies.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The posterior and the acquisition against values worked out by hand. */
class GaussianProcessTest {

    @Test
    void oneObservationGivesTheClosedFormPosteriorAndLikelihood() {
        // n = 1, y = 2, ℓ = 1, r = 0.1: C = 1.1, α = 2 / 1.1, σ² = 4 / 1.1 = 3.636364.
        GaussianProcess gp =
                GaussianProcess.fit(
                                new double[][] {{0}}, new double[] {2}, new Hyperparameters(1, 0.1))
                        .orElseThrow();
        assertThat(gp.signalVariance()).isCloseTo(3.636364, within(1e-6));
        // At distance 0.5: k = e^-0.5 = 0.606531; mean = 0.606531 · 2 / 1.1 = 1.102783;
        // variance = 3.636364 · (1 - 0.367879 / 1.1) = 2.420233.
        GaussianProcess.Prediction p = gp.predict(new double[] {0.5});
        assertThat(p.mean()).isCloseTo(1.102783, within(1e-6));
        assertThat(p.variance()).isCloseTo(2.420233, within(1e-6));
        // log p = -(ln σ² + ln 1.1 + 1 + ln 2π) / 2 = -(1.290984 + 0.095310 + 1 + 1.837877) / 2.
        assertThat(gp.logMarginalLikelihood()).isCloseTo(-2.112086, within(1e-6));
    }

    @Test
    void withTinyNoiseThePosteriorInterpolatesAndIsSureAtTheObservations() {
        double[][] distances = {{0, 0.5, 1}, {0.5, 0, 0.5}, {1, 0.5, 0}};
        double[] targets = {1, -1, 0.5};
        GaussianProcess gp =
                GaussianProcess.fit(distances, targets, new Hyperparameters(0.4, 1e-9))
                        .orElseThrow();
        for (int i = 0; i < 3; i++) {
            GaussianProcess.Prediction p = gp.predict(distances[i]);
            assertThat(p.mean()).isCloseTo(targets[i], within(1e-5));
            assertThat(p.variance()).isLessThan(1e-6 * gp.signalVariance());
        }
        GaussianProcess.Prediction between = gp.predict(new double[] {0.25, 0.25, 0.75});
        assertThat(between.variance()).isBetween(0.01 * gp.signalVariance(), gp.signalVariance());
        GaussianProcess.Prediction far = gp.predict(new double[] {50, 50, 50});
        assertThat(far.mean()).isCloseTo(0, within(1e-9));
        assertThat(far.variance()).isCloseTo(gp.signalVariance(), within(1e-9));
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteGivesNoPosterior() {
        // Negative distances make correlations above 1: the matrix [[1, e^2], [e^2, 1]] is not
        // positive definite, which EJML's factorisation reports.
        double[][] distances = {{0, -2}, {-2, 0}};
        assertThat(GaussianProcess.fit(distances, new double[] {1, 2}, new Hyperparameters(1, 0)))
                .isEmpty();
    }

    @Test
    void expectedImprovementMatchesTheNormalFormula() {
        // EI(μ, σ, best) = (μ - best) Φ(z) + σ φ(z): φ(0) = 0.398942, Φ(1) = 0.841345,
        // φ(1) = 0.241971, Φ(-1) = 0.158655.
        assertThat(ExpectedImprovement.of(0, 1, 0)).isCloseTo(0.398942, within(1e-6));
        assertThat(ExpectedImprovement.of(1, 1, 0)).isCloseTo(1.083315, within(1e-6));
        assertThat(ExpectedImprovement.of(-1, 1, 0)).isCloseTo(0.083315, within(1e-6));
        // σ = 2, μ - best = 1: z = 0.5, Φ = 0.691462, φ = 0.352065: 0.691462 + 2 · 0.352065.
        assertThat(ExpectedImprovement.of(3, 4, 2)).isCloseTo(1.395593, within(1e-6));
        assertThat(ExpectedImprovement.of(2.5, 0, 2)).isEqualTo(0.5);
        assertThat(ExpectedImprovement.of(1.5, 0, 2)).isEqualTo(0);
        // Far in the tail the value is tiny but still positive and ordered.
        double tail = ExpectedImprovement.of(-8, 1, 0);
        assertThat(tail)
                .isPositive()
                .isLessThan(1e-15)
                .isGreaterThan(ExpectedImprovement.of(-9, 1, 0));
        assertThat(Normal.cdf(-1.959964)).isCloseTo(0.025, within(1e-7));
    }

    @Test
    void theQuantileInvertsTheDistributionFunction() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-12));
        assertThat(Normal.quantile(0.01)).isCloseTo(-2.326348, within(1e-6));
        for (double z = -4; z <= 4; z += 0.5) {
            assertThat(Normal.quantile(Normal.cdf(z))).isCloseTo(z, within(1e-5));
        }
    }

    @Test
    void warpingKeepsTheOrderGivesTiesOneValueAndIgnoresOutliers() {
        // Ranks 0..3 of 4: Φ⁻¹(1/8), Φ⁻¹(3/8), Φ⁻¹(5/8), Φ⁻¹(7/8) = ∓1.150349, ∓0.318639.
        double[] warped = RankWarping.of(new double[] {90, 10, 93, 91});
        assertThat(warped)
                .containsExactly(
                        new double[] {-0.318639, -1.150349, 1.150349, 0.318639}, within(1e-6));
        double[] ties = RankWarping.of(new double[] {5, 7, 5});
        assertThat(ties[0]).isEqualTo(ties[2]).isCloseTo(-0.967422 / 2, within(1e-6));
        assertThat(RankWarping.of(new double[] {-1e9, 1, 2}))
                .containsExactly(RankWarping.of(new double[] {0, 1, 2}), within(0.0));
    }

    @Test
    void theGridPrefersALongLengthScaleForASmoothTargetAndAShortOneForARoughOne() {
        int n = 12;
        double[][] distances = new double[n][n];
        double[] smooth = new double[n];
        double[] rough = new double[n];
        for (int i = 0; i < n; i++) {
            smooth[i] = i / (n - 1.0) - 0.5;
            rough[i] = i % 2 == 0 ? 1 : -1;
            for (int j = 0; j < n; j++) {
                distances[i][j] = Math.abs(i - j) / (n - 1.0);
            }
        }
        Hyperparameters forSmooth = HyperparameterGrid.fit(distances, smooth);
        Hyperparameters forRough = HyperparameterGrid.fit(distances, rough);
        assertThat(forSmooth.lengthScale()).isGreaterThanOrEqualTo(0.8);
        assertThat(forRough.lengthScale()).isLessThanOrEqualTo(0.1);
    }
}
