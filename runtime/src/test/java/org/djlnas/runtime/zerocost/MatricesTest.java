package org.djlnas.runtime.zerocost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MatricesTest {

    @Test
    void logDeterminantMatchesTheProductOfPivots() {
        assertThat(Matrices.logAbsDeterminant(new double[][] {{2, 1}, {1, 2}}))
                .isCloseTo(Math.log(3), within(1e-12));
        assertThat(Matrices.logAbsDeterminant(new double[][] {{0, 2}, {3, 0}}))
                .isCloseTo(Math.log(6), within(1e-12));
        assertThat(Matrices.logAbsDeterminant(new double[][] {{1, 2}, {2, 4}}))
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void eigenvaluesOfASymmetricMatrix() {
        double[] values =
                Matrices.symmetricEigenvalues(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}});
        Arrays.sort(values);
        assertThat(values[0]).isCloseTo(1, within(1e-10));
        assertThat(values[1]).isCloseTo(3, within(1e-10));
        assertThat(values[2]).isCloseTo(5, within(1e-10));
    }

    @Test
    void correlationAsNumpyCorrcoef() {
        double[][] c =
                Matrices.correlation(
                        new double[][] {{1, 2, 3, 4}, {2, 4, 6, 8}, {4, 3, 2, 1}, {1, 3, 2, 4}});
        assertThat(c[0][1]).isCloseTo(1, within(1e-12));
        assertThat(c[0][2]).isCloseTo(-1, within(1e-12));
        // numpy.corrcoef([1,2,3,4],[1,3,2,4])[0,1] = 0.8
        assertThat(c[0][3]).isCloseTo(0.8, within(1e-12));
        assertThat(c[3][0]).isEqualTo(c[0][3]);
    }
}
