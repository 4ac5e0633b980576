package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.djlnas.api.arch.Architecture;
import org.junit.jupiter.api.Test;

class ValueChoiceTest {

    /** A generator whose every draw is the lowest possible value. */
    private static final RandomGenerator ALWAYS_LOWEST =
            new RandomGenerator() {
                @Override
                public long nextLong() {
                    return 0L;
                }
            };

    @Test
    void categoricalWithMixedStringsAndNumbers() {
        ValueChoice choice = ValueChoice.categorical("act", List.of("relu", 3, 0.5, 7L, true));
        assertThat(choice.values()).containsExactly("relu", 3L, 0.5, 7L, true);
        assertThat(choice.isContinuous()).isFalse();
        assertThat(choice.canonicalize(3)).isEqualTo(3L);
        assertThat(choice.canonicalize(3L)).isEqualTo(3L);
        assertThat(choice.canonicalize(0.5f)).isEqualTo(0.5);
        assertThat(choice.canonicalize("relu")).isEqualTo("relu");
        assertThat(choice.canonicalize(true)).isEqualTo(true);
        assertThatThrownBy(() -> choice.canonicalize("3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one of [relu, 3, 0.5, 7, true]");
        assertThatThrownBy(() -> choice.canonicalize(4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choice.canonicalize(false))
                .isInstanceOf(IllegalArgumentException.class);

        SplittableRandom random = new SplittableRandom(1);
        Set<Object> drawn = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            drawn.add(choice.sampleValue(random));
        }
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(choice.values());
    }

    @Test
    void categoricalValuesRoundTripThroughArchitectureJson() {
        ValueChoice choice = ValueChoice.categorical("c", List.of("relu", 3, 0.5));
        ChoiceTree tree = new ChoiceTree(List.of(choice));
        for (Object value : choice.values()) {
            Architecture arch = Architecture.of(Map.of("c", value));
            assertThat(tree.validate(Architecture.fromJson(arch.toJson()))).isEqualTo(arch);
        }
    }

    @Test
    void integerRangeIncludesBothBounds() {
        ValueChoice choice = ValueChoice.integerRange("n", -2, 5);
        assertThat(choice.values()).hasSize(8).startsWith(-2L).endsWith(5L);
        assertThat(choice.values()).containsExactly(-2L, -1L, 0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(choice.canonicalize(-2)).isEqualTo(-2L);
        assertThat(choice.canonicalize(5L)).isEqualTo(5L);
        assertThatThrownBy(() -> choice.canonicalize(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an integer in [-2, 5]");
        assertThatThrownBy(() -> choice.canonicalize(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an integer in [-2, 5]");
        assertThatThrownBy(() -> choice.values().get(8))
                .isInstanceOf(IndexOutOfBoundsException.class);

        SplittableRandom random = new SplittableRandom(2);
        Set<Object> drawn = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Object value = choice.sampleValue(random);
            assertThat(value).isInstanceOf(Long.class);
            assertThat((Long) value).isBetween(-2L, 5L);
            drawn.add(value);
        }
        assertThat(drawn).hasSize(8);
    }

    @Test
    void integerRangeKeepsLargeBoundsExact() {
        // 2^53 + 1 and 2^53 + 3 are not representable as doubles
        long min = 9_007_199_254_740_993L;
        long max = 9_007_199_254_740_995L;
        ValueChoice choice = ValueChoice.integerRange("n", min, max);
        assertThat(choice.values()).containsExactly(min, min + 1, max);
        assertThat(choice.describeDomain()).isEqualTo("an integer in [" + min + ", " + max + "]");
    }

    @Test
    void integerRangeTooLargeToCountIsRejected() {
        assertThatThrownBy(() -> ValueChoice.integerRange("n", 0, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'");
        // max - min overflows a long here
        assertThatThrownBy(() -> ValueChoice.integerRange("n", Long.MIN_VALUE, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'");
        assertThatThrownBy(() -> ValueChoice.integerRange("n", -(1L << 62), 1L << 62))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floatRangeSamplesStayWithinBounds() {
        ValueChoice choice = ValueChoice.floatRange("p", -0.5, 0.25, false);
        assertThat(choice.isContinuous()).isTrue();
        assertThatThrownBy(choice::values).isInstanceOf(UnsupportedOperationException.class);
        SplittableRandom random = new SplittableRandom(3);
        double lowest = Double.MAX_VALUE;
        double highest = -Double.MAX_VALUE;
        for (int i = 0; i < 20_000; i++) {
            double value = (Double) choice.sampleValue(random);
            assertThat(value).isBetween(-0.5, 0.25);
            lowest = Math.min(lowest, value);
            highest = Math.max(highest, value);
        }
        assertThat(lowest).isLessThan(-0.49);
        assertThat(highest).isGreaterThan(0.24);
        assertThat(choice.sampleValue(ALWAYS_LOWEST)).isEqualTo(-0.5);
    }

    @Test
    void logScaledSamplesStayWithinBoundsAndCentreOnTheGeometricMean() {
        ValueChoice choice = ValueChoice.floatRange("lr", 1e-4, 1.0, true);
        SplittableRandom random = new SplittableRandom(4);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20_001; i++) {
            double value = (Double) choice.sampleValue(random);
            assertThat(value).isBetween(1e-4, 1.0);
            values.add(value);
        }
        Collections.sort(values);
        double median = values.get(values.size() / 2);
        // geometric mean of 1e-4 and 1 is 1e-2; a linear-scale median would be near 0.5
        assertThat(Math.log10(median)).isBetween(-2.1, -1.9);
        // a quarter of the draws fall in each decade
        long belowOneThousandth = values.stream().filter(v -> v < 1e-3).count();
        assertThat(belowOneThousandth / (double) values.size()).isBetween(0.23, 0.27);
    }

    @Test
    void logScaledSampleAtTheLowestDrawIsNotBelowTheMinimum() {
        for (double min : new double[] {1e-5, 2e-4, 1e-7, 7.0}) {
            ValueChoice choice = ValueChoice.floatRange("lr", min, 10 * min + 10, true);
            double value = (Double) choice.sampleValue(ALWAYS_LOWEST);
            assertThat(value).as("lowest draw for min %s", min).isGreaterThanOrEqualTo(min);
            assertThat(choice.canonicalize(value)).isEqualTo(value);
        }
    }

    @Test
    void floatRangeAcceptsIntegersAndRejectsValuesOutside() {
        ValueChoice choice = ValueChoice.floatRange("p", 0, 2, false);
        assertThat(choice.canonicalize(1)).isEqualTo(1.0);
        assertThat(choice.canonicalize(2.0)).isEqualTo(2.0);
        assertThat(choice.canonicalize(0L)).isEqualTo(0.0);
        assertThatThrownBy(() -> choice.canonicalize(2.0000001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a number in [0.0, 2.0]");
        assertThatThrownBy(() -> choice.canonicalize("1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ValueChoice.floatRange("q", 1, 2, true).describeDomain())
                .isEqualTo("a number in [1.0, 2.0] (log scale)");
    }

    @Test
    void invalidConstructionIsRejected() {
        assertThatThrownBy(() -> ValueChoice.integerRange("n", 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'")
                .hasMessageContaining("[5, 4]");
        assertThatThrownBy(() -> ValueChoice.floatRange("p", 1.0, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p'");
        assertThatThrownBy(() -> ValueChoice.floatRange("p", 1.0, 1.0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueChoice.floatRange("p", 0.0, 1.0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log")
                .hasMessageContaining("min > 0");
        assertThatThrownBy(() -> ValueChoice.floatRange("p", -1.0, 1.0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min > 0");
        assertThatThrownBy(() -> ValueChoice.floatRange("p", Double.NaN, 1.0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueChoice.floatRange("p", 0, Double.POSITIVE_INFINITY, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueChoice.categorical("c", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c'")
                .hasMessageContaining("no categories");
        assertThatThrownBy(() -> ValueChoice.categorical("c", List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' appears twice");
        // 1 and 1L are the same canonical value
        assertThatThrownBy(() -> ValueChoice.categorical("c", List.of(1, 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> ValueChoice.categorical("c", List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a string, a number or a boolean");
        assertThatThrownBy(() -> ValueChoice.categorical("bad label", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid label");
    }
}
