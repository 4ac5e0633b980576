package org.djlnas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Construction and canonical values of layer choices, input choices and repeats. */
class ChoicesTest {

    @Test
    void layerChoiceKeepsCandidateOrderAndRejectsOthers() {
        LayerChoice choice = LayerChoice.of("op", List.of("conv", "pool", "skip"));
        assertThat(choice.values()).containsExactly("conv", "pool", "skip");
        assertThat(choice.hasChildren()).isFalse();
        assertThat(choice.canonicalize("pool")).isEqualTo("pool");
        assertThatThrownBy(() -> choice.canonicalize("Conv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one of [conv, pool, skip]");
        assertThatThrownBy(() -> choice.children("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void layerChoiceConstructionIsValidated() {
        assertThatThrownBy(() -> LayerChoice.of("op", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'op'")
                .hasMessageContaining("no candidates");
        assertThatThrownBy(() -> LayerChoice.of("op", List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> LayerChoice.of("op", List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void layerChoiceChildrenBelongToTheirCandidate() {
        ValueChoice width = ValueChoice.integerRange("op/a/width", 1, 2);
        LayerChoice choice =
                LayerChoice.builder("op").addCandidate("a", width).addCandidate("b").build();
        assertThat(choice.hasChildren()).isTrue();
        assertThat(choice.children("a")).containsExactly(width);
        assertThat(choice.children("b")).isEmpty();
    }

    @Test
    void inputChoiceEnumeratesSubsetsInLexicographicOrder() {
        InputChoice choice = InputChoice.of("in", 4, 2);
        assertThat(choice.values())
                .containsExactly(
                        List.of(0L, 1L),
                        List.of(0L, 2L),
                        List.of(0L, 3L),
                        List.of(1L, 2L),
                        List.of(1L, 3L),
                        List.of(2L, 3L));
        assertThat(InputChoice.of("one", 3, 1).values())
                .containsExactly(List.of(0L), List.of(1L), List.of(2L));
        assertThat(choice.describeDomain()).isEqualTo("2 distinct indices in [0, 3]");
        assertThat(InputChoice.of("one", 3, 1).describeDomain())
                .isEqualTo("1 distinct index in [0, 2]");
    }

    @Test
    void inputChoiceCanonicalValueIsAnAscendingListOfLongs() {
        InputChoice choice = InputChoice.of("in", 4, 3);
        assertThat(choice.canonicalize(List.of(3, 0, 2))).isEqualTo(List.of(0L, 2L, 3L));
        assertThat(choice.canonicalize(List.of(1L, 2L, 3L))).isEqualTo(List.of(1L, 2L, 3L));
        assertThatThrownBy(() -> choice.canonicalize(List.of(0, 1, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 4 is out of range");
        assertThatThrownBy(() -> choice.canonicalize(List.of(0, 1.0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an integer index");
    }

    @Test
    void inputChoiceChildrenAreThoseOfTheChosenInputs() {
        InputChoice choice =
                InputChoice.of(
                        "in", 3, 2, i -> List.of(LayerChoice.of("in/from" + i, List.of("x"))));
        assertThat(choice.children(List.of(0L, 2L)))
                .extracting(Choice::label)
                .containsExactly("in/from0", "in/from2");
        assertThat(InputChoice.of("plain", 3, 2).hasChildren()).isFalse();
    }

    @Test
    void inputChoiceConstructionIsValidated() {
        assertThatThrownBy(() -> InputChoice.of("in", 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'in'")
                .hasMessageContaining("1 <= k <= n");
        assertThatThrownBy(() -> InputChoice.of("in", 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputChoice.of("in", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputChoice.of("in", 40, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subsets");
    }

    @Test
    void repeatDepthsAreSortedAndDeduplicated() {
        Repeat repeat = Repeat.of("r", List.of(3, 1, 3));
        assertThat(repeat.values()).containsExactly(1L, 3L);
        assertThat(repeat.canonicalize(3)).isEqualTo(3L);
        assertThatThrownBy(() -> repeat.canonicalize(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a depth in [1, 3]");
        assertThatThrownBy(() -> repeat.canonicalize("3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatChildrenAreTheLayersBelowTheDepth() {
        Repeat repeat =
                Repeat.of(
                        "r",
                        List.of(0, 1, 3),
                        i -> List.of(LayerChoice.of("r/" + i + "/op", List.of("a", "b"))));
        assertThat(repeat.children(0L)).isEmpty();
        assertThat(repeat.children(3L))
                .extracting(Choice::label)
                .containsExactly("r/0/op", "r/1/op", "r/2/op");
        assertThat(repeat.layer(1)).extracting(Choice::label).containsExactly("r/1/op");
    }

    @Test
    void repeatConstructionIsValidated() {
        assertThatThrownBy(() -> Repeat.of("r", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'r'");
        assertThatThrownBy(() -> Repeat.of("r", List.of(1, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
    }
}
