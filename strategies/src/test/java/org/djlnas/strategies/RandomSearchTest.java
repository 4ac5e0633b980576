package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SpaceSize;
import org.djlnas.api.strategy.Strategy;
import org.junit.jupiter.api.Test;

class RandomSearchTest {

    private final RandomSearchProvider provider = new RandomSearchProvider();
    private final SearchSpace nb201 = Fixtures.nasBench201();

    private List<Architecture> first(long seed, int n) {
        return new Fixtures.Driver(Fixtures.create(provider, nb201, seed)).run(n, Fixtures::score);
    }

    @Test
    void sameSeedGivesTheSameAsksAndAnotherSeedOthers() {
        assertThat(first(5, 50)).isEqualTo(first(5, 50));
        assertThat(first(5, 50)).isNotEqualTo(first(6, 50));
    }

    @Test
    void proposalsCarryTheContextBudgetAndValidArchitectures() {
        Strategy strategy = Fixtures.create(provider, nb201, 1);
        for (int i = 0; i < 20; i++) {
            var proposal = strategy.ask().orElseThrow();
            assertThat(proposal.budget()).isEqualTo(Fixtures.BUDGET);
            assertThat(nb201.validate(proposal.architecture())).isEqualTo(proposal.architecture());
        }
    }

    @Test
    void aTinySpaceGivesEachArchitectureOnceAndThenNothing() {
        SearchSpace tiny = Fixtures.tiny();
        List<Architecture> asked = Fixtures.drain(Fixtures.create(provider, tiny, 3), 100);
        Set<Architecture> all = new HashSet<>();
        tiny.enumerate().forEachRemaining(all::add);
        assertThat(asked).hasSize(6).doesNotHaveDuplicates();
        assertThat(new HashSet<>(asked)).isEqualTo(all);
    }

    @Test
    void exhaustingNasBench201GivesAll15625DistinctArchitectures() {
        List<Architecture> asked = Fixtures.drain(Fixtures.create(provider, nb201, 11), 20_000);
        assertThat(asked).hasSize(15_625);
        assertThat(asked.stream().map(Architecture::id).distinct().count()).isEqualTo(15_625);
    }

    @Test
    void theOrderOfATinySpaceIsShuffledBySeed() {
        SearchSpace tiny = Fixtures.tiny();
        List<Architecture> enumerated = new ArrayList<>();
        for (Iterator<Architecture> it = tiny.enumerate(); it.hasNext(); ) {
            enumerated.add(it.next());
        }
        Set<List<Architecture>> orders = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(Fixtures.drain(Fixtures.create(provider, tiny, seed), 10));
        }
        assertThat(orders).hasSizeGreaterThan(5);
        assertThat(orders)
                .allMatch(order -> new HashSet<>(order).equals(new HashSet<>(enumerated)));
    }

    @Test
    void anInfiniteSpaceIsSampledWithoutEnd() {
        Strategy strategy = Fixtures.create(provider, Fixtures.infinite(), 2);
        List<Architecture> asked = new Fixtures.Driver(strategy).run(200, a -> 0);
        assertThat(asked).doesNotHaveDuplicates();
        assertThatThrownBy(() -> Fixtures.infinite().enumerate())
                .isInstanceOf(IllegalStateException.class);
    }

    /** The tiny space (6 architectures), claiming another size. */
    private static SearchSpace tinyClaiming(SpaceSize size) {
        SearchSpace tiny = Fixtures.tiny();
        return new SearchSpace() {
            @Override
            public String id() {
                return tiny.id();
            }

            @Override
            public Settings settings() {
                return tiny.settings();
            }

            @Override
            public ChoiceTree choices() {
                return tiny.choices();
            }

            @Override
            public Block compile(Architecture architecture) {
                return tiny.compile(architecture);
            }

            @Override
            public SpaceSize size() {
                return size;
            }
        };
    }

    @Test
    void aSpaceThatRepeatsItselfFailsInsteadOfLooping() {
        for (SpaceSize claimed : List.of(SpaceSize.INFINITE, SpaceSize.of(7))) {
            Strategy strategy = Fixtures.create(provider, tinyClaiming(claimed), 0);
            for (int i = 0; i < 6; i++) {
                strategy.ask();
            }
            assertThatThrownBy(strategy::ask)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'tiny'");
        }
    }
}
