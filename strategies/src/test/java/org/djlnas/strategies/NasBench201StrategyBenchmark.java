package org.djlnas.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.strategies.gp.GpBoProvider;
import org.djlnas.strategies.hyperband.BohbProvider;
import org.djlnas.strategies.hyperband.HyperbandProvider;
import org.djlnas.strategies.reinforce.ReinforceProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Searches the NAS-Bench-201 CIFAR-10 table with each strategy and prints the mean ± standard
 * deviation over seeds of the best test accuracy found in N queries. A benchmark: runs only with
 * {@code -Pbenchmarks}; {@code -Dgroups=sweep} runs the population and sample-size sweep the
 * evolution defaults were chosen from (on other seeds than the report's).
 */
@Tag("benchmark")
class NasBench201StrategyBenchmark {

    private static final int SEEDS = 100;

    /** NAS-Bench-201's REINFORCE: one step per reward, repeats allowed. */
    private static final Map<String, String> REFERENCE_REINFORCE =
            Map.of(ReinforceProvider.ALGORITHM, "reinforce", ReinforceProvider.DISTINCT, "false");

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> settings = new java.util.HashMap<>(base);
        settings.put(key, value);
        return settings;
    }

    private static SearchSpace space;
    private static Map<String, Double> accuracyById;

    @BeforeAll
    static void load() {
        space = Fixtures.nasBench201();
        accuracyById = Fixtures.nasBench201Accuracies(space);
        assertThat(accuracyById).hasSize(15_625);
    }

    /** Runs one search of {@code queries} trials and returns the best accuracy it found. */
    private static double bestOf(Strategy strategy, int queries) {
        double best = Double.NEGATIVE_INFINITY;
        for (int trial = 1; trial <= queries; trial++) {
            Proposal proposal = strategy.ask().orElseThrow();
            Architecture architecture = proposal.architecture();
            double accuracy = accuracyById.get(architecture.id());
            best = Math.max(best, accuracy);
            TrialSpec spec = new TrialSpec(trial, architecture, proposal.budget(), trial);
            strategy.tell(new TrialOutcome(spec, TrialState.DONE, OptionalDouble.of(accuracy)));
        }
        return best;
    }

    /** Returns mean and sample standard deviation of the best accuracy over seeds. */
    private static double[] stats(
            StrategyProvider provider, Map<String, String> settings, int queries, long firstSeed) {
        double sum = 0;
        double sumOfSquares = 0;
        for (long seed = firstSeed; seed < firstSeed + SEEDS; seed++) {
            double best =
                    bestOf(Fixtures.create(provider, space, seed, queries, settings), queries);
            sum += best;
            sumOfSquares += best * best;
        }
        double mean = sum / SEEDS;
        return new double[] {mean, Math.sqrt((sumOfSquares - SEEDS * mean * mean) / (SEEDS - 1))};
    }

    private static String format(double[] stats) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", stats[0], stats[1]);
    }

    @Test
    void defaultsAtOneHundredQueries() {
        int queries = 100;
        double[] random = stats(new RandomSearchProvider(), Map.of(), queries, 0);
        double[] evolution = stats(new RegularizedEvolutionProvider(), Map.of(), queries, 0);
        System.out.printf(
                "NAS-Bench-201 CIFAR-10, best test accuracy in %d queries, seeds 0..%d:%n"
                        + "  random                 %s%n"
                        + "  regularized-evolution  %s (population %d, sample size %d)%n",
                queries,
                SEEDS - 1,
                format(random),
                format(evolution),
                RegularizedEvolutionProvider.autoPopulation(queries),
                RegularizedEvolutionProvider.autoSampleSize(
                        RegularizedEvolutionProvider.autoPopulation(queries)));
        String fullBudget = Double.toString(Fixtures.BUDGET.epochs());
        long bohbStart = System.nanoTime();
        double[] bohb =
                stats(
                        new BohbProvider(),
                        Map.of(
                                HyperbandProvider.MIN_EPOCHS, fullBudget,
                                HyperbandProvider.MAX_EPOCHS, fullBudget),
                        queries,
                        0);
        System.out.printf(
                Locale.ROOT,
                "  bohb                   %s (single rung of %s epochs, %.1f s)%n",
                format(bohb),
                fullBudget,
                (System.nanoTime() - bohbStart) / 1e9);
        long gpBoStart = System.nanoTime();
        double[] gpBo = stats(new GpBoProvider(), Map.of(), queries, 0);
        System.out.printf(
                Locale.ROOT,
                "  gp-bo                  %s (%.1f s)%n",
                format(gpBo),
                (System.nanoTime() - gpBoStart) / 1e9);
        double[] reinforce = stats(new ReinforceProvider(), REFERENCE_REINFORCE, queries, 0);
        double[] lstm =
                stats(
                        new ReinforceProvider(),
                        with(REFERENCE_REINFORCE, ReinforceProvider.CONTROLLER, "lstm"),
                        queries,
                        0);
        System.out.printf(
                "  reinforce              %s (algorithm=reinforce, independent logits)%n"
                        + "  reinforce, lstm        %s%n",
                format(reinforce), format(lstm));
        double[] distinctReinforce =
                stats(
                        new ReinforceProvider(),
                        Map.of(ReinforceProvider.ALGORITHM, "reinforce"),
                        queries,
                        0);
        double[] ppo = stats(new ReinforceProvider(), Map.of(), queries, 0);
        long lstmStart = System.nanoTime();
        double[] ppoLstm =
                stats(
                        new ReinforceProvider(),
                        Map.of(ReinforceProvider.CONTROLLER, "lstm"),
                        queries,
                        0);
        double lstmSeconds = (System.nanoTime() - lstmStart) / 1e9;
        double[] crossover =
                stats(
                        new RegularizedEvolutionProvider(),
                        Map.of(RegularizedEvolutionProvider.CROSSOVER, "uniform"),
                        queries,
                        0);
        System.out.printf(
                Locale.ROOT,
                "  reinforce, distinct    %s (algorithm=reinforce, distinct proposals)%n"
                        + "  reinforce (ppo)        %s (defaults: ppo, independent logits)%n"
                        + "  reinforce (ppo), lstm  %s (%.0f s)%n"
                        + "  evolution, crossover   %s (crossover=uniform, rate 0.5)%n",
                format(distinctReinforce),
                format(ppo),
                format(ppoLstm),
                lstmSeconds,
                format(crossover));
        assertThat(random[0]).isBetween(93.75, 93.95);
        assertThat(ppo[0]).as("the default controller beats random search").isGreaterThan(94.1);
    }

    @Test
    @Tag("sweep")
    void gpBoSweep() {
        int seeds = Integer.getInteger("gpbo.seeds", 100);
        double optimum = accuracyById.values().stream().mapToDouble(v -> v).max().orElseThrow();
        String[][] grid = {
            {"10", "100", "100", "10"},
            {"20", "100", "100", "10"},
            {"5", "100", "100", "10"},
            {"10", "200", "0", "10"},
            {"10", "0", "200", "10"}
        };
        for (int queries : new int[] {50, 100}) {
            for (String[] row : grid) {
                Map<String, String> settings =
                        Map.of(
                                GpBoProvider.INITIAL_POINTS, row[0],
                                GpBoProvider.RANDOM_CANDIDATES, row[1],
                                GpBoProvider.MUTATION_CANDIDATES, row[2],
                                GpBoProvider.PARENTS, row[3]);
                long start = System.nanoTime();
                double sum = 0;
                int optimal = 0;
                for (long seed = 1000; seed < 1000 + seeds; seed++) {
                    double best =
                            bestOf(
                                    Fixtures.create(
                                            new GpBoProvider(), space, seed, queries, settings),
                                    queries);
                    sum += best;
                    optimal += best == optimum ? 1 : 0;
                }
                System.out.printf(
                        Locale.ROOT,
                        "gp-bo, %d queries, initial %s, random %s, mutations %s, parents %s: mean"
                                + " best %.3f over seeds 1000..%d, optimum %.4f found by %d (%.1f"
                                + " s)%n",
                        queries,
                        row[0],
                        row[1],
                        row[2],
                        row[3],
                        sum / seeds,
                        999 + seeds,
                        optimum,
                        optimal,
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    @Test
    @Tag("sweep")
    void evolutionSweep() {
        int[] populations = {5, 8, 10, 15, 20, 25, 30, 40, 50};
        int[] sampleSizes = {2, 3, 5, 8, 10, 15, 20, 25};
        for (int queries : new int[] {50, 100, 200, 500}) {
            System.out.printf(
                    "queries %d, seeds 1000..1099, random %s%n",
                    queries, format(stats(new RandomSearchProvider(), Map.of(), queries, 1000)));
            for (int population : populations) {
                StringBuilder row = new StringBuilder("  P=" + population + ":");
                for (int sampleSize : sampleSizes) {
                    if (sampleSize > population) {
                        continue;
                    }
                    Map<String, String> settings =
                            Map.of(
                                    RegularizedEvolutionProvider.POPULATION,
                                    Integer.toString(population),
                                    RegularizedEvolutionProvider.SAMPLE_SIZE,
                                    Integer.toString(sampleSize));
                    double[] s = stats(new RegularizedEvolutionProvider(), settings, queries, 1000);
                    row.append(String.format(Locale.ROOT, "  S=%d %.3f", sampleSize, s[0]));
                }
                System.out.println(row);
            }
        }
    }

    @Test
    @Tag("sweep")
    void crossoverSweep() {
        for (int queries : new int[] {100, 200}) {
            System.out.printf(
                    "queries %d, seeds 1000..1099, regularized-evolution: no crossover %s%n",
                    queries,
                    format(stats(new RegularizedEvolutionProvider(), Map.of(), queries, 1000)));
            for (String crossover : new String[] {"uniform", "cell"}) {
                StringBuilder row = new StringBuilder("  crossover=" + crossover + ":");
                for (String rate : new String[] {"0.1", "0.25", "0.5", "0.75", "1"}) {
                    Map<String, String> settings =
                            Map.of(
                                    RegularizedEvolutionProvider.CROSSOVER,
                                    crossover,
                                    RegularizedEvolutionProvider.CROSSOVER_RATE,
                                    rate);
                    double[] s = stats(new RegularizedEvolutionProvider(), settings, queries, 1000);
                    row.append(String.format(Locale.ROOT, "  rate %s %.3f", rate, s[0]));
                }
                System.out.println(row);
            }
        }
    }
}
