package org.djlnas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.djlnas.api.data.DataSplit;
import org.djlnas.api.data.SplitIndices;
import org.junit.jupiter.api.Test;

class DataSplitTest {

    private static Set<Integer> set(int[] values) {
        return new HashSet<>(IntStream.of(values).boxed().toList());
    }

    @Test
    void holdsOutTheValidationFraction() {
        SplitIndices split = DataSplit.of(7).apply(60_000, 0);
        assertThat(split.validation()).hasSize(6_000);
        assertThat(split.train()).hasSize(54_000);
    }

    @Test
    void sameSeedGivesTheSameSplit() {
        SplitIndices a = DataSplit.of(42).apply(10_000, 0);
        SplitIndices b = DataSplit.of(42).apply(10_000, 0);
        assertThat(a.train()).isEqualTo(b.train());
        assertThat(a.validation()).isEqualTo(b.validation());
    }

    @Test
    void otherSeedsGiveOtherSplits() {
        assertThat(DataSplit.of(1).apply(10_000, 0).validation())
                .isNotEqualTo(DataSplit.of(2).apply(10_000, 0).validation());
    }

    @Test
    void trainAndValidationAreDisjointSortedAndCoverTheSet() {
        SplitIndices split = new DataSplit(3, 0.25, 0).apply(1_000, 0);
        Set<Integer> train = set(split.train());
        Set<Integer> validation = set(split.validation());
        assertThat(train).doesNotContainAnyElementsOf(validation);
        assertThat(train.size() + validation.size()).isEqualTo(1_000);
        assertThat(train).hasSize(split.train().length);
        assertThat(split.train()).isSorted();
        assertThat(split.validation()).isSorted();
        assertThat(split.validation()).hasSize(250);
    }

    @Test
    void capKeepsASeededSubsetOfTheTrainingPool() {
        DataSplit split = DataSplit.of(5);
        SplitIndices full = split.apply(60_000, 0);
        SplitIndices capped = split.apply(60_000, 2_000);
        assertThat(capped.train()).hasSize(2_000);
        assertThat(set(full.train())).containsAll(set(capped.train()));
        assertThat(capped.validation()).isEqualTo(full.validation());
        assertThat(split.apply(60_000, 2_000).train()).isEqualTo(capped.train());
        // A random subset, not the first examples.
        assertThat(capped.train()[capped.train().length - 1]).isGreaterThan(50_000);
    }

    @Test
    void smallerCapsGiveSubsetsOfLargerOnes() {
        DataSplit split = DataSplit.of(11);
        assertThat(set(split.apply(5_000, 1_000).train()))
                .containsAll(set(split.apply(5_000, 100).train()));
    }

    @Test
    void capAboveThePoolKeepsTheWholePool() {
        assertThat(DataSplit.of(1).apply(100, 1_000).train()).hasSize(90);
    }

    @Test
    void validationCapKeepsASubset() {
        SplitIndices full = DataSplit.of(9).apply(10_000, 0);
        SplitIndices capped = new DataSplit(9, 0.1, 300).apply(10_000, 0);
        assertThat(capped.validation()).hasSize(300);
        assertThat(set(full.validation())).containsAll(set(capped.validation()));
        assertThat(capped.train()).isEqualTo(full.train());
    }

    @Test
    void permutationIsAPermutation() {
        int[] permutation = DataSplit.permutation(1_000, 99);
        int[] sorted = permutation.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(IntStream.range(0, 1_000).toArray());
        assertThat(permutation).isNotEqualTo(sorted);
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertThatThrownBy(() -> new DataSplit(0, 1.0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validationFraction");
        assertThatThrownBy(() -> new DataSplit(0, 0.1, -1))
                .hasMessageContaining("maxValidationExamples");
        assertThatThrownBy(() -> DataSplit.of(0).apply(1, 0)).hasMessageContaining("size");
        assertThatThrownBy(() -> DataSplit.of(0).apply(10, -1))
                .hasMessageContaining("maxTrainExamples");
    }
}
