package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.djlnas.api.cell.Cell;
import org.junit.jupiter.api.Test;

class ChoiceTreeSizeTest {

    @Test
    void flatChoicesMultiply() {
        ChoiceTree tree =
                new ChoiceTree(
                        List.of(
                                LayerChoice.of("a", List.of("1", "2", "3")),
                                LayerChoice.of("b", List.of("1", "2", "3", "4")),
                                LayerChoice.of("c", List.of("1", "2", "3", "4", "5")),
                                ValueChoice.integerRange("d", 1, 8)));
        assertThat(tree.size()).isEqualTo(SpaceSize.of(3 * 4 * 5 * 8));
        assertThat(TestSpaces.flat().size()).isEqualTo(SpaceSize.of(27));
    }

    @Test
    void noChoicesMeansOneArchitecture() {
        assertThat(new ChoiceTree(List.of()).size()).isEqualTo(SpaceSize.ONE);
    }

    @Test
    void nestedCandidatesAddUpProductsOfTheirChoices() {
        LayerChoice op =
                LayerChoice.builder("op")
                        .addCandidate(
                                "a",
                                ValueChoice.categorical("op/a/width", List.of(8, 16, 32)),
                                LayerChoice.of("op/a/act", List.of("relu", "gelu")))
                        .addCandidate("b")
                        .addCandidate("c", LayerChoice.of("op/c/k", List.of("1", "3", "5", "7")))
                        .build();
        ChoiceTree tree = new ChoiceTree(List.of(op, LayerChoice.of("norm", List.of("bn", "ln"))));
        // (3 * 2 + 1 + 4) * 2
        assertThat(tree.size()).isEqualTo(SpaceSize.of(22));
        assertThat(TestSpaces.nested().size()).isEqualTo(SpaceSize.of(4));
    }

    @Test
    void deeplyNestedCandidatesAreCountedRecursively() {
        LayerChoice inner =
                LayerChoice.builder("outer/x/inner")
                        .addCandidate("p", ValueChoice.integerRange("outer/x/inner/p/n", 1, 5))
                        .addCandidate("q")
                        .build();
        LayerChoice outer =
                LayerChoice.builder("outer").addCandidate("x", inner).addCandidate("y").build();
        // x: (5 + 1), y: 1
        assertThat(new ChoiceTree(List.of(outer)).size()).isEqualTo(SpaceSize.of(7));
    }

    @Test
    void inputChoiceCountsSubsetsTimesNestedChoicesOfTheChosenInputs() {
        // C(3, 2) * 7 * 7
        assertThat(TestSpaces.dartsNode().size()).isEqualTo(SpaceSize.of(147));
        // C(5, 2)
        assertThat(new ChoiceTree(List.of(InputChoice.of("in", 5, 2))).size())
                .isEqualTo(SpaceSize.of(10));
    }

    @Test
    void inputChoiceWithDifferentNestedSizesPerInputSumsOverSubsets() {
        // input i carries an (i + 1)-way choice; subsets {0,1}: 1*2, {0,2}: 1*3, {1,2}: 2*3
        InputChoice choice =
                InputChoice.of(
                        "in", 3, 2, i -> List.of(ValueChoice.integerRange("in/op" + i, 0, i)));
        assertThat(new ChoiceTree(List.of(choice)).size()).isEqualTo(SpaceSize.of(2 + 3 + 6));
    }

    @Test
    void repeatSumsOverDepthsTheProductsOfItsLayers() {
        assertThat(TestSpaces.repeat().size()).isEqualTo(SpaceSize.of(2 + 4 + 8));
        Repeat withZero =
                Repeat.of(
                        "r",
                        List.of(0, 2),
                        i -> List.of(LayerChoice.of("r/" + i + "/op", List.of("a", "b", "c"))));
        assertThat(new ChoiceTree(List.of(withZero)).size()).isEqualTo(SpaceSize.of(1 + 9));
        assertThat(new ChoiceTree(List.of(Repeat.of("plain", List.of(1, 2, 4)))).size())
                .isEqualTo(SpaceSize.of(3));
    }

    @Test
    void floatRangeMakesTheSpaceInfinite() {
        ChoiceTree tree =
                new ChoiceTree(
                        List.of(
                                LayerChoice.of("op", List.of("a", "b")),
                                ValueChoice.floatRange("lr", 1e-4, 1e-1, true)));
        assertThat(tree.size().isFinite()).isFalse();
        assertThat(tree.size()).isEqualTo(SpaceSize.INFINITE);
        assertThatThrownBy(() -> tree.size().count()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void floatRangeUnderOneCandidateMakesTheSpaceInfinite() {
        LayerChoice op =
                LayerChoice.builder("op")
                        .addCandidate("a", ValueChoice.floatRange("op/a/p", 0, 1, false))
                        .addCandidate("b")
                        .build();
        assertThat(new ChoiceTree(List.of(op)).size().isFinite()).isFalse();
    }

    @Test
    void integerRangeCountsBothBounds() {
        assertThat(new ChoiceTree(List.of(ValueChoice.integerRange("n", -3, 3))).size())
                .isEqualTo(SpaceSize.of(7));
        assertThat(new ChoiceTree(List.of(ValueChoice.integerRange("n", 5, 5))).size())
                .isEqualTo(SpaceSize.ONE);
    }

    @Test
    void dartsCellSize() {
        Cell cell = TestSpaces.dartsCell();
        BigInteger expected =
                BigInteger.valueOf(1L * 3 * 6 * 10).multiply(BigInteger.valueOf(7).pow(8));
        SpaceSize size = new ChoiceTree(cell.choices()).size();
        assertThat(size.count()).isEqualTo(expected).isEqualTo(BigInteger.valueOf(1_037_664_180L));
        assertThat(size.toHumanString()).isEqualTo("1.04e9");
    }

    @Test
    void nasBench201CellSize() {
        assertThat(new ChoiceTree(TestSpaces.nb201Cell().choices()).size())
                .isEqualTo(SpaceSize.of(15_625));
    }

    @Test
    void largeSpacesAreExact() {
        // 100 independent 10-way choices: 10^100, far beyond a long
        List<Choice> choices = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            choices.add(ValueChoice.integerRange("c" + i, 0, 9));
        }
        assertThat(new ChoiceTree(choices).size().count()).isEqualTo(BigInteger.TEN.pow(100));
    }

    @Test
    void choicesByLabelListsEveryChoiceReachableOrNot() {
        assertThat(TestSpaces.nested().choicesByLabel()).containsOnlyKeys("op", "op/a/width");
        assertThat(TestSpaces.dartsNode().choicesByLabel())
                .containsOnlyKeys("node/inputs", "node/from0", "node/from1", "node/from2");
        assertThat(TestSpaces.repeat().choicesByLabel())
                .containsOnlyKeys("blocks", "blocks/0/op", "blocks/1/op", "blocks/2/op");
    }
}
