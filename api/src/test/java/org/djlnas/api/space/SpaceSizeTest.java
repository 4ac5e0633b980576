package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SpaceSizeTest {

    @Test
    void smallSizesAreExact() {
        assertThat(SpaceSize.of(0).toHumanString()).isEqualTo("0");
        assertThat(SpaceSize.of(15_625).toHumanString()).isEqualTo("15625");
        assertThat(SpaceSize.of(999_999).toHumanString()).isEqualTo("999999");
    }

    @Test
    void largeSizesUseScientificNotationWithThreeSignificantDigits() {
        assertThat(SpaceSize.of(1_000_000).toHumanString()).isEqualTo("1.00e6");
        assertThat(SpaceSize.of(1_037_664_180L).toHumanString()).isEqualTo("1.04e9");
        assertThat(SpaceSize.of(new BigInteger("1079460014026948000")).toHumanString())
                .isEqualTo("1.08e18");
        // rounding up into the next power of ten
        assertThat(SpaceSize.of(9_996_000).toHumanString()).isEqualTo("1.00e7");
        assertThat(
                        SpaceSize.of(BigInteger.TEN.pow(100).multiply(BigInteger.valueOf(3)))
                                .toHumanString())
                .isEqualTo("3.00e100");
    }

    @Test
    void infiniteSize() {
        assertThat(SpaceSize.INFINITE.toHumanString()).isEqualTo("infinite");
        assertThat(SpaceSize.INFINITE.toString()).isEqualTo("infinite");
        assertThat(SpaceSize.INFINITE.isFinite()).isFalse();
        assertThatThrownBy(SpaceSize.INFINITE::count)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infinite");
    }

    @Test
    void arithmetic() {
        assertThat(SpaceSize.of(3).plus(SpaceSize.of(4))).isEqualTo(SpaceSize.of(7));
        assertThat(SpaceSize.of(3).times(SpaceSize.of(4))).isEqualTo(SpaceSize.of(12));
        assertThat(SpaceSize.ONE.times(SpaceSize.of(9))).isEqualTo(SpaceSize.of(9));
        assertThat(SpaceSize.of(Long.MAX_VALUE).times(SpaceSize.of(Long.MAX_VALUE)).count())
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).pow(2));
    }

    @Test
    void arithmeticWithInfinite() {
        assertThat(SpaceSize.INFINITE.plus(SpaceSize.of(5))).isEqualTo(SpaceSize.INFINITE);
        assertThat(SpaceSize.of(5).plus(SpaceSize.INFINITE)).isEqualTo(SpaceSize.INFINITE);
        assertThat(SpaceSize.INFINITE.times(SpaceSize.of(5))).isEqualTo(SpaceSize.INFINITE);
        assertThat(SpaceSize.of(5).times(SpaceSize.INFINITE)).isEqualTo(SpaceSize.INFINITE);
        assertThat(SpaceSize.INFINITE.plus(SpaceSize.INFINITE)).isEqualTo(SpaceSize.INFINITE);
        assertThat(SpaceSize.INFINITE.times(SpaceSize.INFINITE)).isEqualTo(SpaceSize.INFINITE);
        // no architectures times any number of architectures is still none
        assertThat(SpaceSize.of(0).times(SpaceSize.INFINITE)).isEqualTo(SpaceSize.of(0));
        assertThat(SpaceSize.INFINITE.times(SpaceSize.of(0))).isEqualTo(SpaceSize.of(0));
    }

    @Test
    void equalityIsByCount() {
        assertThat(SpaceSize.of(12)).isEqualTo(SpaceSize.of(BigInteger.valueOf(12)));
        assertThat(SpaceSize.of(12)).hasSameHashCodeAs(SpaceSize.of(BigInteger.valueOf(12)));
        assertThat(SpaceSize.of(1)).isEqualTo(SpaceSize.ONE);
        assertThat(SpaceSize.of(12)).isNotEqualTo(SpaceSize.of(13));
        assertThat(SpaceSize.of(12)).isNotEqualTo(SpaceSize.INFINITE);
    }

    @Test
    void negativeSizesAreRejected() {
        assertThatThrownBy(() -> SpaceSize.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
