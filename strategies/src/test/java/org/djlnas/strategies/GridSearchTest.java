package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Strategy;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private final GridSearchProvider provider = new GridSearchProvider();

    private static List<Architecture> enumerated(SearchSpace space) {
        List<Architecture> all = new ArrayList<>();
        space.enumerate().forEachRemaining(all::add);
        return all;
    }

    @Test
    void proposesTheEnumerationInOrderThenNothing() {
        SearchSpace tiny = Fixtures.tiny();
        Strategy grid = Fixtures.create(provider, tiny, 0);
        List<Architecture> asked = new Fixtures.Driver(grid).run(6, Fixtures::score);
        assertThat(asked).isEqualTo(enumerated(tiny));
        assertThat(grid.ask()).isEmpty();
        assertThat(grid.ask()).isEmpty();
    }

    @Test
    void coversNasBench201InEnumerationOrderWithTheContextBudget() {
        SearchSpace nb201 = Fixtures.nasBench201();
        Strategy grid = Fixtures.create(provider, nb201, 0);
        List<Architecture> expected = enumerated(nb201);
        for (Architecture architecture : expected) {
            var proposal = grid.ask().orElseThrow();
            assertThat(proposal.architecture()).isEqualTo(architecture);
            assertThat(proposal.budget()).isEqualTo(Fixtures.BUDGET);
        }
        assertThat(expected).hasSize(15_625);
        assertThat(grid.ask()).isEmpty();
    }

    @Test
    void theSeedDoesNotChangeTheOrder() {
        SearchSpace tiny = Fixtures.tiny();
        assertThat(Fixtures.drain(Fixtures.create(provider, tiny, 1), 10))
                .isEqualTo(Fixtures.drain(Fixtures.create(provider, tiny, 2), 10));
    }

    @Test
    void anInfiniteSpaceIsRejectedByName() {
        assertThatThrownBy(() -> Fixtures.create(provider, Fixtures.infinite(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'continuous'")
                .hasMessageContaining("infinite");
    }
}
