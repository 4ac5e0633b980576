package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.junit.jupiter.api.Test;

class DecisionsTest {

    private final SearchSpace mixed = ReinforceFixtures.mixed();
    private final Decisions decisions = Decisions.of(mixed);

    @Test
    void everyChoiceIsADecisionWithItsOptionsAndPicks() {
        assertThat(decisions.all())
                .extracting(Decision::label, Decision::options, Decision::picks)
                .contains(
                        tuple("op", 2, 1),
                        tuple("op/conv/width", 3, 1),
                        tuple("inputs", 4, 2),
                        tuple("inputs/3/op", 2, 1),
                        tuple("depth", 3, 1),
                        tuple("depth/2/units", 4, 1),
                        tuple("rate", 2, 1));
        assertThat(decisions.all()).hasSize(mixed.choices().choicesByLabel().size());
        for (int i = 0; i < decisions.all().size(); i++) {
            assertThat(decisions.all().get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void theWalkDecidesReachableChoicesDepthFirstAndBuildsCanonicalValues() {
        Sample sample =
                decisions.sample(
                        decision ->
                                decision.label().equals("inputs")
                                        ? List.of(3, 1)
                                        : List.of(decision.options() - 1));
        Architecture expected =
                Architecture.of(
                        Map.of(
                                "op",
                                "pool",
                                "inputs",
                                List.of(1L, 3L),
                                "inputs/1/op",
                                "b",
                                "inputs/3/op",
                                "b",
                                "depth",
                                3L,
                                "depth/0/units",
                                4L,
                                "depth/1/units",
                                4L,
                                "depth/2/units",
                                4L,
                                "rate",
                                "high"));
        assertThat(sample.architecture()).isEqualTo(expected);
        assertThat(mixed.validate(sample.architecture())).isEqualTo(expected);
        assertThat(sample.steps())
                .extracting(step -> step.decision().label())
                .containsExactly(
                        "op",
                        "inputs",
                        "inputs/1/op",
                        "inputs/3/op",
                        "depth",
                        "depth/0/units",
                        "depth/1/units",
                        "depth/2/units",
                        "rate");
        assertThat(sample.steps().get(1).picks()).containsExactly(3, 1);
    }
}
