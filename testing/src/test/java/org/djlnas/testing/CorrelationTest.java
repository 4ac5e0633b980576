package org.djlnas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void tiesShareTheirMeanRank() {
        assertThat(Correlation.ranks(new double[] {10, 30, 20, 30}))
                .containsExactly(1, 3.5, 2, 3.5);
    }

    @Test
    void spearmanSeesMonotoneRelationsThatPearsonDoesNot() {
        double[] x = {1, 2, 3, 4, 5};
        double[] cubes = {1, 8, 27, 64, 125};
        assertThat(Correlation.spearman(x, cubes)).isEqualTo(1.0, within(1e-12));
        // r of x and x³ over 1..5, computed by hand: 0.9431...
        assertThat(Correlation.pearson(x, cubes)).isEqualTo(0.94310, within(1e-4));
        assertThat(Correlation.spearman(x, new double[] {5, 4, 3, 2, 1}))
                .isEqualTo(-1.0, within(1e-12));
    }
}
