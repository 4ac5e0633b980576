package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"op", "cell/node1/from0", "a-b_c.d/0", "stage2/blocks/3/op"})
    void validLabelsPass(String label) {
        assertThat(Labels.check(label)).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/op", "op/", "a//b", "a b", " op", "op\t", "a/\nb"})
    void invalidLabelsAreRejected(String label) {
        assertThatThrownBy(() -> Labels.check(label))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid label")
                .hasMessageContaining("expected non-empty '/'-separated parts without white space");
    }

    @Test
    void choicesRejectInvalidLabels() {
        assertThatThrownBy(() -> LayerChoice.of("/op", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid label");
        assertThatThrownBy(() -> InputChoice.of("", 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueChoice.integerRange("a b", 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Repeat.of("r/", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinSkipsEmptyPartsAndChecksTheResult() {
        assertThat(Labels.join("cell", "node1", "from0")).isEqualTo("cell/node1/from0");
        assertThat(Labels.join("", "stage", "", "op")).isEqualTo("stage/op");
        assertThatThrownBy(() -> Labels.join("", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Labels.join("a", "b c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateLabelsAcrossTwoChoicesAreRejected() {
        assertThatThrownBy(
                        () ->
                                new ChoiceTree(
                                        List.of(
                                                LayerChoice.of("op", List.of("a", "b")),
                                                ValueChoice.integerRange("op", 1, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'op'")
                .hasMessageContaining("two different choices");
    }

    @Test
    void duplicateLabelsInDifferentBranchesAreRejected() {
        LayerChoice root =
                LayerChoice.builder("op")
                        .addCandidate("a", ValueChoice.integerRange("op/width", 1, 3))
                        .addCandidate("b", ValueChoice.integerRange("op/width", 1, 3))
                        .build();
        assertThatThrownBy(() -> new ChoiceTree(List.of(root)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'op/width'");
    }

    @Test
    void duplicateLabelsBetweenNestedAndTopLevelChoicesAreRejected() {
        LayerChoice root =
                LayerChoice.builder("op")
                        .addCandidate("a", LayerChoice.of("act", List.of("relu")))
                        .addCandidate("b")
                        .build();
        assertThatThrownBy(
                        () -> new ChoiceTree(List.of(root, LayerChoice.of("act", List.of("gelu")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'act'");
    }

    @Test
    void oneChoiceSharedByMutuallyExclusiveCandidatesIsAllowed() {
        ValueChoice width = ValueChoice.integerRange("width", 1, 3);
        LayerChoice root =
                LayerChoice.builder("op").addCandidate("a", width).addCandidate("b", width).build();
        ChoiceTree tree = new ChoiceTree(List.of(root));
        assertThat(tree.size()).isEqualTo(SpaceSize.of(6));
        assertThat(countDistinct(tree)).isEqualTo(6);
    }

    @Test
    void oneChoiceInstanceTwiceOnOnePathIsRejectedOrCountedOnce() {
        LayerChoice op = LayerChoice.of("op", List.of("a", "b", "c"));
        ChoiceTree tree;
        try {
            tree = new ChoiceTree(List.of(op, op));
        } catch (IllegalArgumentException rejected) {
            return; // rejecting the repeated label is a correct answer too
        }
        // an architecture holds one value per label, so there are only 3 architectures
        assertThat(tree.size().count().intValueExact()).isEqualTo(countDistinct(tree));
    }

    private static int countDistinct(ChoiceTree tree) {
        Set<Architecture> seen = new HashSet<>();
        for (Iterator<Architecture> it = tree.enumerate(); it.hasNext(); ) {
            seen.add(it.next());
        }
        return seen.size();
    }
}
