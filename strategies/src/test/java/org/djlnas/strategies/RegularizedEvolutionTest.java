package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.djlnas.strategies.Fixtures.distance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;

class RegularizedEvolutionTest {

    private final RegularizedEvolutionProvider provider = new RegularizedEvolutionProvider();
    private final SearchSpace nb201 = Fixtures.nasBench201();

    private Strategy evolution(long seed, int population, int sampleSize) {
        return Fixtures.create(
                provider,
                nb201,
                seed,
                100,
                Map.of(
                        "population", Integer.toString(population),
                        "sample-size", Integer.toString(sampleSize)));
    }

    private List<Architecture> randomSearch(long seed, int n) {
        return new Fixtures.Driver(Fixtures.create(new RandomSearchProvider(), nb201, seed))
                .run(n, a -> 0);
    }

    @Test
    void theFirstPopulationAsksAreTheRandomSearchOfTheSameSeed() {
        Fixtures.Driver driver = new Fixtures.Driver(evolution(4, 10, 3));
        assertThat(driver.run(10, Fixtures::score)).isEqualTo(randomSearch(4, 10));
    }

    @Test
    void laterAsksChangeOneChoiceOfAPopulationMember() {
        int population = 8;
        Fixtures.Driver driver = new Fixtures.Driver(evolution(9, population, 3));
        Deque<Architecture> members = new ArrayDeque<>(driver.run(population, Fixtures::score));
        for (int i = 0; i < 150; i++) {
            Architecture child = driver.ask();
            assertThat(members).anyMatch(member -> distance(member, child) == 1);
            driver.tell(child, Fixtures.score(child));
            members.addLast(child);
            members.removeFirst();
        }
    }

    @Test
    void withTheWholePopulationInTheTournamentTheBestIsTheParent() {
        Fixtures.Driver driver = new Fixtures.Driver(evolution(2, 5, 5));
        List<Architecture> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Architecture architecture = driver.ask();
            first.add(architecture);
            driver.tell(architecture, i == 2 ? 90 : i);
        }
        Architecture child = driver.ask();
        assertThat(distance(child, first.get(2))).isEqualTo(1);
    }

    /**
     * a1 (best) and a2 are far apart. Once a fourth result arrives in a population of three, ageing
     * removes a1 although it is the best, so a2 becomes the parent; removing the worst would keep
     * a1 as the parent.
     */
    @Test
    void ageingRemovesTheOldestMemberNotTheWorst() {
        Fixtures.Driver driver = new Fixtures.Driver(evolution(1, 3, 3));
        Architecture a1 = driver.ask();
        Architecture a2 = driver.ask();
        Architecture a3 = driver.ask();
        assertThat(distance(a1, a2)).isGreaterThanOrEqualTo(3);
        driver.tell(a1, 100);
        driver.tell(a2, 50);
        driver.tell(a3, 1);
        Architecture c4 = driver.ask();
        assertThat(distance(c4, a1)).isEqualTo(1);
        driver.tell(c4, 0);
        Architecture c5 = driver.ask();
        assertThat(distance(c5, a2)).isEqualTo(1);
        assertThat(distance(c5, a1)).isGreaterThan(1);
    }

    @Test
    void failedPrunedAndObjectiveLessOutcomesDoNotJoin() {
        Fixtures.Driver driver = new Fixtures.Driver(evolution(1, 5, 5));
        Architecture a1 = driver.ask();
        Architecture a2 = driver.ask();
        Architecture a3 = driver.ask();
        Architecture a4 = driver.ask();
        Architecture a5 = driver.ask();
        assertThat(distance(a1, a2)).isGreaterThanOrEqualTo(3);
        driver.tell(a1, 1);
        driver.tell(a2, TrialState.PRUNED, OptionalDouble.of(99));
        driver.tell(a3, TrialState.FAILED, OptionalDouble.empty());
        driver.tell(a4, TrialState.DONE, OptionalDouble.empty());
        driver.tell(a5, Double.NaN);
        Architecture child = driver.ask();
        assertThat(distance(child, a1)).isEqualTo(1);
        assertThat(distance(child, a2)).isGreaterThan(1);
    }

    @Test
    void anInfeasibleOutcomeDoesNotJoinWhateverItsObjective() {
        Fixtures.Driver driver = new Fixtures.Driver(evolution(1, 2, 2));
        Architecture a1 = driver.ask();
        Architecture a2 = driver.ask();
        assertThat(distance(a1, a2)).isGreaterThanOrEqualTo(3);
        driver.tell(a1, 1);
        driver.tell(a2, TrialState.INFEASIBLE, OptionalDouble.of(99));
        Architecture child = driver.ask();
        assertThat(distance(child, a1)).isEqualTo(1);
        assertThat(distance(child, a2)).isGreaterThan(1);
    }

    @Test
    void withNoPopulationAsksStayRandom() {
        Fixtures.Driver driver = new Fixtures.Driver(evolution(6, 5, 2));
        List<Architecture> asked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Architecture architecture = driver.ask();
            asked.add(architecture);
            driver.tell(architecture, TrialState.FAILED, OptionalDouble.empty());
        }
        assertThat(asked).isEqualTo(randomSearch(6, 30));
    }

    @Test
    void replayingTheSameTellsGivesTheSameAsks() {
        Fixtures.Driver original = new Fixtures.Driver(Fixtures.create(provider, nb201, 21));
        Fixtures.Driver replay = new Fixtures.Driver(Fixtures.create(provider, nb201, 21));
        for (int i = 0; i < 120; i++) {
            Architecture asked = original.ask();
            assertThat(replay.ask()).isEqualTo(asked);
            if (i % 7 == 3) {
                original.tell(asked, TrialState.FAILED, OptionalDouble.empty());
                replay.tell(asked, TrialState.FAILED, OptionalDouble.empty());
            } else {
                original.tell(asked, Fixtures.score(asked));
                replay.tell(asked, Fixtures.score(asked));
            }
        }
    }

    @Test
    void anotherSeedGivesOtherAsks() {
        List<Architecture> seed1 =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 1)).run(60, Fixtures::score);
        List<Architecture> seed2 =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 2)).run(60, Fixtures::score);
        assertThat(seed1).isNotEqualTo(seed2);
        assertThat(seed1).doesNotHaveDuplicates();
    }

    @Test
    void aTinySpaceIsExhaustedWithoutRepeats() {
        Strategy strategy =
                Fixtures.create(
                        provider,
                        Fixtures.tiny(),
                        3,
                        100,
                        Map.of("population", "2", "sample-size", "2"));
        Fixtures.Driver driver = new Fixtures.Driver(strategy);
        List<Architecture> asked = driver.run(6, Fixtures::score);
        assertThat(asked).doesNotHaveDuplicates();
        assertThat(strategy.ask()).isEmpty();
    }

    @Test
    void theFirstProposalsDoNotDependOnTheTrialBudget() {
        List<Architecture> shortRun =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 5, 100, Map.of()))
                        .run(100, Fixtures::score);
        List<Architecture> longRun =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 5, 310, Map.of()))
                        .run(310, Fixtures::score);
        assertThat(longRun.subList(0, 100)).isEqualTo(shortRun);
        assertThat(longRun).doesNotHaveDuplicates();
    }

    @Test
    void automaticSizesGrowWithTheAsks() {
        assertThat(RegularizedEvolutionProvider.autoPopulation(20)).isEqualTo(10);
        assertThat(RegularizedEvolutionProvider.autoPopulation(100)).isEqualTo(10);
        assertThat(RegularizedEvolutionProvider.autoPopulation(250)).isEqualTo(25);
        assertThat(RegularizedEvolutionProvider.autoPopulation(10_000)).isEqualTo(100);
        assertThat(RegularizedEvolutionProvider.autoSampleSize(10)).isEqualTo(5);
        assertThat(RegularizedEvolutionProvider.autoSampleSize(25)).isEqualTo(12);
        assertThat(RegularizedEvolutionProvider.autoSampleSize(100)).isEqualTo(25);
    }

    @Test
    void theAutomaticSampleSizeNeverExceedsAnExplicitPopulation() {
        Strategy strategy = Fixtures.create(provider, nb201, 8, 100, Map.of("population", "1"));
        assertThat(new Fixtures.Driver(strategy).run(30, Fixtures::score)).doesNotHaveDuplicates();
    }

    @Test
    void aSampleLargerThanThePopulationIsRejectedByName() {
        assertThatThrownBy(() -> evolution(0, 3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sample-size'")
                .hasMessageContaining("population (3)");
    }

    @Test
    void anExplicitSampleSizeRaisesTheAutomaticPopulation() {
        Strategy strategy = Fixtures.create(provider, nb201, 0, 100, Map.of("sample-size", "30"));
        assertThat(new Fixtures.Driver(strategy).run(30, Fixtures::score))
                .isEqualTo(randomSearch(0, 30));
    }

    private static final Map<String, String> UNIFORM_CROSSOVER =
            Map.of("crossover", "uniform", "crossover-rate", "1");

    @Test
    void withCrossoverChildrenAreValidDistinctAndReplayedExactly() {
        Fixtures.Driver original =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 21, 100, UNIFORM_CROSSOVER));
        Fixtures.Driver replay =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 21, 100, UNIFORM_CROSSOVER));
        List<Architecture> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Architecture next = original.ask();
            assertThat(replay.ask()).isEqualTo(next);
            assertThat(nb201.validate(next)).isEqualTo(next);
            asked.add(next);
            if (i % 7 == 3) {
                original.tell(next, TrialState.FAILED, OptionalDouble.empty());
                replay.tell(next, TrialState.FAILED, OptionalDouble.empty());
            } else {
                original.tell(next, Fixtures.score(next));
                replay.tell(next, Fixtures.score(next));
            }
        }
        assertThat(asked).doesNotHaveDuplicates();
    }

    @Test
    void crossoverChangesTheChildrenButNotTheFirstPopulation() {
        List<Architecture> plain =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 4)).run(60, Fixtures::score);
        List<Architecture> crossed =
                new Fixtures.Driver(Fixtures.create(provider, nb201, 4, 100, UNIFORM_CROSSOVER))
                        .run(60, Fixtures::score);
        assertThat(crossed.subList(0, 10)).isEqualTo(plain.subList(0, 10));
        assertThat(crossed).isNotEqualTo(plain);
    }

    @Test
    void noCrossoverIsTheDefault() {
        List<Architecture> none =
                new Fixtures.Driver(
                                Fixtures.create(
                                        provider, nb201, 4, 100, Map.of("crossover", "none")))
                        .run(60, Fixtures::score);
        assertThat(
                        new Fixtures.Driver(Fixtures.create(provider, nb201, 4))
                                .run(60, Fixtures::score))
                .isEqualTo(none);
    }

    @Test
    void anUnknownCrossoverOrARateAboveOneIsRejectedByName() {
        assertThatThrownBy(
                        () ->
                                Fixtures.create(
                                        provider, nb201, 0, 100, Map.of("crossover", "halves")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'crossover' of strategy 'regularized-evolution' is 'halves';"
                                + " expected one of [none, uniform, cell]");
        assertThatThrownBy(
                        () ->
                                Fixtures.create(
                                        provider, nb201, 0, 100, Map.of("crossover-rate", "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'crossover-rate'")
                .hasMessageContaining("at most 1");
    }
}
