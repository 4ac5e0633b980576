package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.eval.Pareto;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.PriorTrial;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;

class Nsga2Test {

    private static final int CHOICES = 12;
    private static final double[] QUALITY = {0, 1, 1.6, 2};
    private static final double[] COST = {0, 1, 2, 4};

    private final Nsga2Provider provider = new Nsga2Provider();
    private final SearchSpace nb201 = Fixtures.nasBench201();

    /**
     * Twelve choices of four candidates (16.8 million architectures), each trading quality for cost
     * with diminishing returns: a two-objective problem whose Pareto front is known.
     */
    static SearchSpace tradeOffSpace() {
        List<org.djlnas.api.space.Choice> choices = new ArrayList<>();
        for (int i = 0; i < CHOICES; i++) {
            choices.add(LayerChoice.of("layer" + i, List.of("k0", "k1", "k2", "k3")));
        }
        return Fixtures.space("trade-off", new ChoiceTree(choices));
    }

    /** Quality (maximised) and cost (minimised, so its score is negated). */
    static List<Double> tradeOffScores(Architecture architecture) {
        double quality = 0;
        double cost = 0;
        for (int i = 0; i < CHOICES; i++) {
            int k = architecture.getString("layer" + i).charAt(1) - '0';
            quality += QUALITY[k];
            cost += COST[k];
        }
        return List.of(quality, -cost);
    }

    private Nsga2 nsga2(SearchSpace space, long seed, int population) {
        return (Nsga2)
                Fixtures.create(provider, space, seed, 100, Map.of("population", population + ""));
    }

    /** Asks and tells as an experiment does with one trial at a time; returns the asks. */
    static List<Architecture> run(
            Strategy strategy, int trials, Function<Architecture, List<Double>> scores) {
        List<Architecture> asked = new ArrayList<>();
        for (int n = 1; n <= trials; n++) {
            Architecture architecture = strategy.ask().orElseThrow().architecture();
            asked.add(architecture);
            strategy.tell(done(n, architecture, scores.apply(architecture)));
        }
        return asked;
    }

    private static TrialOutcome done(int number, Architecture architecture, List<Double> scores) {
        return new TrialOutcome(
                new TrialSpec(number, architecture, Fixtures.BUDGET, number),
                TrialState.DONE,
                OptionalDouble.of(scores.get(0)),
                scores);
    }

    private static TrialOutcome ended(int number, Architecture architecture, TrialState state) {
        return new TrialOutcome(
                new TrialSpec(number, architecture, Fixtures.BUDGET, number),
                state,
                OptionalDouble.empty(),
                List.of());
    }

    private static double hypervolume(List<Architecture> architectures) {
        List<double[]> points = new ArrayList<>();
        for (Architecture architecture : architectures) {
            points.add(
                    tradeOffScores(architecture).stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray());
        }
        // Worse than every architecture: quality 0 and cost 48 are the extremes.
        return Pareto.hypervolume(points, new double[] {-1, -49});
    }

    /**
     * The hypervolume of the whole Pareto front: for every total cost, the best quality, from a
     * knapsack over the choices.
     */
    private static double bestHypervolume() {
        int maxCost = (int) (CHOICES * COST[COST.length - 1]);
        double[] best = new double[maxCost + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int i = 0; i < CHOICES; i++) {
            double[] next = new double[maxCost + 1];
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            for (int cost = 0; cost <= maxCost; cost++) {
                for (int k = 0; k < COST.length && best[cost] > Double.NEGATIVE_INFINITY; k++) {
                    int total = cost + (int) COST[k];
                    if (total <= maxCost) {
                        next[total] = Math.max(next[total], best[cost] + QUALITY[k]);
                    }
                }
            }
            best = next;
        }
        List<double[]> front = new ArrayList<>();
        for (int cost = 0; cost <= maxCost; cost++) {
            if (best[cost] > Double.NEGATIVE_INFINITY) {
                front.add(new double[] {best[cost], -cost});
            }
        }
        return Pareto.hypervolume(front, new double[] {-1, -49});
    }

    @Test
    void theFirstGenerationIsTheRandomSearchOfTheSameSeed() {
        List<Architecture> first = run(nsga2(nb201, 4, 10), 10, a -> List.of(1.0, 2.0));
        List<Architecture> random =
                new Fixtures.Driver(Fixtures.create(new RandomSearchProvider(), nb201, 4))
                        .askOnly(10);
        assertThat(first).isEqualTo(random);
    }

    @Test
    void itAwaitsEveryOutcomeOfAGenerationBeforeBreedingTheNext() {
        Nsga2 strategy = nsga2(nb201, 1, 3);
        List<Architecture> asked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(strategy.awaitsOutcomes()).isFalse();
            asked.add(strategy.ask().orElseThrow().architecture());
        }
        assertThat(strategy.awaitsOutcomes()).isTrue();
        assertThatThrownBy(strategy::ask).isInstanceOf(IllegalStateException.class);
        strategy.tell(done(1, asked.get(0), List.of(1.0, 1.0)));
        strategy.tell(done(2, asked.get(1), List.of(2.0, 0.0)));
        assertThat(strategy.awaitsOutcomes()).isTrue();
        strategy.tell(done(3, asked.get(2), List.of(0.0, 2.0)));
        assertThat(strategy.awaitsOutcomes()).isFalse();
        assertThat(strategy.ask()).isPresent();
    }

    @Test
    void survivorsAreWholeFrontsThenTheLeastCrowdedAndNeverTrialsWithoutScores() {
        Nsga2 strategy = nsga2(nb201, 7, 4);
        List<Architecture> first = new ArrayList<>();
        List<List<Double>> firstScores =
                List.of(
                        List.of(0.0, 10.0),
                        List.of(1.0, 9.0),
                        List.of(9.0, 1.0),
                        List.of(10.0, 0.0));
        for (int n = 1; n <= 4; n++) {
            first.add(strategy.ask().orElseThrow().architecture());
        }
        for (int n = 1; n <= 4; n++) {
            strategy.tell(done(n, first.get(n - 1), firstScores.get(n - 1)));
        }
        List<Architecture> second = new ArrayList<>();
        for (int n = 5; n <= 8; n++) {
            second.add(strategy.ask().orElseThrow().architecture());
        }
        // (5, 5) joins the first front; a failed, an infeasible and a pruned trial rank last.
        strategy.tell(done(5, second.get(0), List.of(5.0, 5.0)));
        strategy.tell(ended(6, second.get(1), TrialState.FAILED));
        strategy.tell(ended(7, second.get(2), TrialState.INFEASIBLE));
        strategy.tell(ended(8, second.get(3), TrialState.PRUNED));
        // Crowding in the front of five: extremes infinite, (5, 5) 1.6, (1, 9) and (9, 1) 1.0
        // each; the tie keeps the earlier trial.
        assertThat(strategy.population())
                .containsExactly(first.get(0), first.get(3), second.get(0), first.get(1));
    }

    @Test
    void trialsWithoutScoresSurviveOnlyWhenTooFewHaveScores() {
        Nsga2 strategy = nsga2(nb201, 3, 3);
        List<Architecture> asked = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            asked.add(strategy.ask().orElseThrow().architecture());
        }
        strategy.tell(ended(1, asked.get(0), TrialState.INFEASIBLE));
        strategy.tell(done(2, asked.get(1), List.of(0.0, 0.0)));
        strategy.tell(
                new TrialOutcome(
                        new TrialSpec(3, asked.get(2), Fixtures.BUDGET, 3),
                        TrialState.DONE,
                        OptionalDouble.of(Double.NaN),
                        List.of(Double.NaN, 1.0)));
        assertThat(strategy.population()).first().isEqualTo(asked.get(1));
        assertThat(strategy.population()).hasSize(3);
    }

    @Test
    void childrenAreValidNewAndBredFromThePopulation() {
        SearchSpace space = tradeOffSpace();
        List<Architecture> asked = run(nsga2(space, 11, 10), 200, Nsga2Test::tradeOffScores);
        assertThat(asked).doesNotHaveDuplicates();
        asked.forEach(
                architecture -> assertThat(space.validate(architecture)).isEqualTo(architecture));
    }

    private Strategy nsga2(SearchSpace space, long seed, String crossover) {
        return Fixtures.create(
                provider, space, seed, 100, Map.of("population", "10", "crossover", crossover));
    }

    /** Each label of the trade-off space is its own first part, so each choice is a cell. */
    @Test
    void whereEveryChoiceIsItsOwnCellCellCrossoverIsUniformCrossover() {
        SearchSpace space = tradeOffSpace();
        List<Architecture> uniform = run(nsga2(space, 3, "uniform"), 80, Nsga2Test::tradeOffScores);
        assertThat(run(nsga2(space, 3, "cell"), 80, Nsga2Test::tradeOffScores)).isEqualTo(uniform);
        assertThat(run(nsga2(space, 3, "none"), 80, Nsga2Test::tradeOffScores))
                .isNotEqualTo(uniform);
    }

    @Test
    void withoutCrossoverEveryChildIsAMutationOfOneParent() {
        SearchSpace space = tradeOffSpace();
        List<Architecture> asked = run(nsga2(space, 7, "none"), 60, Nsga2Test::tradeOffScores);
        assertThat(asked).doesNotHaveDuplicates();
        for (Architecture child : asked.subList(10, 60)) {
            assertThat(asked.subList(0, asked.indexOf(child)))
                    .as("an earlier proposal one choice away from %s", child)
                    .anyMatch(
                            earlier ->
                                    earlier.values().entrySet().stream()
                                                    .filter(
                                                            e ->
                                                                    !e.getValue()
                                                                            .equals(
                                                                                    child.get(
                                                                                            e
                                                                                                    .getKey())))
                                                    .count()
                                            == 1);
        }
    }

    @Test
    void theSameSeedAndOutcomesGiveTheSameProposals() {
        SearchSpace space = tradeOffSpace();
        List<Architecture> once = run(nsga2(space, 5, 10), 120, Nsga2Test::tradeOffScores);
        List<Architecture> again = run(nsga2(space, 5, 10), 120, Nsga2Test::tradeOffScores);
        List<Architecture> otherSeed = run(nsga2(space, 6, 10), 120, Nsga2Test::tradeOffScores);
        assertThat(again).isEqualTo(once);
        assertThat(otherSeed).isNotEqualTo(once);
    }

    /**
     * A resumed search replays the journal into a fresh strategy created with another number of
     * trials, with outcomes told as a parallel loop tells them (trial k before asking k + P, and
     * all of a generation while the strategy awaits them): it proposes the same architectures.
     */
    @Test
    void aReplayWithOtherTrialsAndParallelismProposesTheSameArchitectures() {
        SearchSpace space = tradeOffSpace();
        List<Architecture> sequential = run(nsga2(space, 9, 8), 60, Nsga2Test::tradeOffScores);
        Strategy replay = Fixtures.create(provider, space, 9, 500, Map.of("population", "8"));
        assertThat(runInParallel(replay, 60, 3)).isEqualTo(sequential);
    }

    /** The experiment loop's order of asks and tells with {@code parallel} trials running. */
    private static List<Architecture> runInParallel(Strategy strategy, int trials, int parallel) {
        List<Architecture> asked = new ArrayList<>();
        int told = 0;
        while (asked.size() < trials) {
            int next = asked.size() + 1;
            while (told < next - parallel) {
                told++;
                strategy.tell(done(told, asked.get(told - 1), tradeOffScores(asked.get(told - 1))));
            }
            while (told < asked.size() && strategy.awaitsOutcomes()) {
                told++;
                strategy.tell(done(told, asked.get(told - 1), tradeOffScores(asked.get(told - 1))));
            }
            Optional<Proposal> proposal = strategy.ask();
            asked.add(proposal.orElseThrow().architecture());
        }
        return asked;
    }

    /**
     * On the trade-off problem, 200 trials of NSGA-II (generations of 10) come closer to the
     * hypervolume of the whole Pareto front than 200 of random search: on average over ten seeds
     * the gap left is at most 80% of random search's (measured: about 63%), and NSGA-II wins on at
     * least eight of the ten seeds.
     */
    @Test
    void itFindsABetterFrontThanRandomSearchWithTheSameBudget() {
        SearchSpace space = tradeOffSpace();
        double best = bestHypervolume();
        int seeds = 10;
        int trials = 200;
        double nsga2Gap = 0;
        double randomGap = 0;
        int wins = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            double evolved =
                    hypervolume(
                            run(
                                    Fixtures.create(
                                            provider,
                                            space,
                                            seed,
                                            trials,
                                            Map.of("population", "10")),
                                    trials,
                                    Nsga2Test::tradeOffScores));
            double random =
                    hypervolume(
                            new Fixtures.Driver(
                                            Fixtures.create(
                                                    new RandomSearchProvider(), space, seed))
                                    .askOnly(trials));
            nsga2Gap += best - evolved;
            randomGap += best - random;
            wins += evolved > random ? 1 : 0;
        }
        assertThat(nsga2Gap / seeds).isLessThan(0.8 * randomGap / seeds);
        assertThat(wins).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theFirstGenerationStartsWithThePriorsOnceEachThenDrawsAtRandom() {
        Architecture first = nb201.sample(new SplittableRandom(1));
        Architecture second = nb201.sample(new SplittableRandom(2));
        List<PriorTrial> priors =
                List.of(
                        new PriorTrial(first, 1, "a"),
                        new PriorTrial(second, 0.5, "a"),
                        new PriorTrial(first, 0.4, "b"));
        Settings settings =
                Settings.resolve(
                        "strategy 'nsga2'", provider.settings(), Map.of("population", "4"));
        Strategy strategy =
                provider.create(
                        new StrategyContext(
                                nb201,
                                settings,
                                7,
                                100,
                                Fixtures.BUDGET,
                                Optional.empty(),
                                EngineSelector.none(),
                                priors));

        List<Architecture> generation = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            generation.add(strategy.ask().orElseThrow().architecture());
        }

        assertThat(generation).hasSize(4).doesNotHaveDuplicates();
        assertThat(generation.subList(0, 2)).containsExactly(first, second);
        assertThat(provider.warmStarts()).isTrue();
    }
}
