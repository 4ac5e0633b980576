package org.djlnas.strategies.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.ValueChoice;
import org.junit.jupiter.api.Test;

class KernelTest {

    private final LayerChoice op = LayerChoice.of("op", List.of("a", "b", "c", "d", "e"));

    @Test
    void agreeingObservationsGiveTheMinimumBandwidthAndUniformOnesNearlyTheMaximum() {
        List<Object> agreeing = Collections.nCopies(10, "c");
        assertThat(CategoricalKernel.fit(op, agreeing, 0.8, 1e-3).bandwidth()).isEqualTo(1e-3);
        List<Object> uniform = List.of("a", "b", "c", "d", "e");
        assertThat(CategoricalKernel.fit(op, uniform, 0.8, 1e-3).bandwidth())
                .isCloseTo(0.8 * 0.8, within(1e-12));
        assertThat(CategoricalKernel.fit(op, uniform, 1, 1e-3).bandwidth())
                .isCloseTo(0.8, within(1e-12));
        assertThat(CategoricalKernel.fit(op, List.of(), 0.5, 1e-3).bandwidth()).isEqualTo(0.8);
    }

    @Test
    void theCategoricalKernelIsAProbabilityOverTheValues() {
        CategoricalKernel kernel = CategoricalKernel.fit(op, List.of("a", "a", "b"), 0.9, 1e-3);
        double h = kernel.bandwidth();
        assertThat(Math.exp(kernel.logProbability("a", "a"))).isCloseTo(1 - h, within(1e-12));
        assertThat(Math.exp(kernel.logProbability("b", "a"))).isCloseTo(h / 4, within(1e-12));
        for (Object center : new Object[] {"a", null}) {
            double total = 0;
            for (Object value : op.values()) {
                total += Math.exp(kernel.logProbability(value, center));
            }
            assertThat(total).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void drawsKeepTheCenterWithProbabilityOneMinusTheWidenedBandwidth() {
        CategoricalKernel kernel = CategoricalKernel.fit(op, List.of("a", "a", "a", "b"), 1, 1e-3);
        double widened = Math.min(3 * kernel.bandwidth(), 0.8);
        SplittableRandom random = new SplittableRandom(0);
        int kept = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            if (kernel.sample("a", 3, random).equals("a")) {
                kept++;
            }
        }
        assertThat(kept / (double) draws).isCloseTo(1 - widened, within(0.015));
    }

    @Test
    void theGaussianKernelDrawsInsideTheDomainAndPeaksAtItsCenter() {
        ValueChoice rate = ValueChoice.floatRange("rate", 0.001, 0.1, true);
        GaussianKernel kernel =
                GaussianKernel.fit(rate, List.of(0.01, 0.02, 0.03, 0.09), 0.8, 1e-3, 0.08);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double drawn = (Double) kernel.sample(0.099, 3, random);
            assertThat(drawn).isBetween(0.001, 0.1);
        }
        assertThat(kernel.logProbability(0.05, 0.05))
                .isGreaterThan(kernel.logProbability(0.06, 0.05));
        assertThat(kernel.logProbability(0.05, null)).isEqualTo(-Math.log(0.08));
    }
}
