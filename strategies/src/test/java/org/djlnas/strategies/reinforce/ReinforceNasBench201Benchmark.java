package org.djlnas.strategies.reinforce;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The learning-rate and entropy sweep of {@code reinforce} on the NAS-Bench-201 CIFAR-10 table:
 * mean ± standard deviation over seeds 1000..1049 of the best test accuracy found in N queries
 * (repeated proposals count as queries). A sweep (tags {@code benchmark} and {@code sweep}): runs
 * only with {@code -Dgroups=sweep} (docs/benchmarks.md); the defaults are compared with the other
 * strategies in {@code NasBench201StrategyBenchmark}.
 */
@Tag("benchmark")
@Tag("sweep")
class ReinforceNasBench201Benchmark {

    private static SearchSpace space;
    private static Map<String, Double> accuracyById;

    @BeforeAll
    static void load() {
        space = Fixtures.nasBench201();
        accuracyById = Fixtures.nasBench201Accuracies(space);
    }

    private static double bestOf(Map<String, String> settings, long seed, int queries) {
        Fixtures.Driver driver =
                new Fixtures.Driver(ReinforceFixtures.create(space, seed, settings));
        return driver.run(queries, a -> accuracyById.get(a.id())).stream()
                .mapToDouble(a -> accuracyById.get(a.id()))
                .max()
                .orElseThrow();
    }

    private static String stats(
            Map<String, String> settings, int queries, long firstSeed, int seeds) {
        double sum = 0;
        double sumOfSquares = 0;
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            double best = bestOf(settings, seed, queries);
            sum += best;
            sumOfSquares += best * best;
        }
        double mean = sum / seeds;
        double deviation = Math.sqrt((sumOfSquares - seeds * mean * mean) / (seeds - 1));
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, deviation);
    }

    @Test
    void learningRateSweep() {
        for (String controller : List.of("independent", "lstm")) {
            for (String rate : List.of("0.001", "0.003", "0.01", "0.03", "0.1", "0.3")) {
                for (String entropy : List.of("0", "0.1", "1")) {
                    Map<String, String> settings =
                            Map.of(
                                    "algorithm", "reinforce",
                                    "distinct", "false",
                                    "controller", controller,
                                    "learning-rate", rate,
                                    "entropy-weight", entropy);
                    System.out.printf(
                            "%s lr=%s entropy=%s: 100 queries %s, 200 queries %s%n",
                            controller,
                            rate,
                            entropy,
                            stats(settings, 100, 1000, 50),
                            stats(settings, 200, 1000, 50));
                }
            }
        }
    }

    /**
     * The PPO sweep the defaults were chosen from, at 100 queries: independent logits on seeds
     * 1000..1099, the LSTM controller (slower) on seeds 1000..1019.
     */
    @Test
    void ppoSweep() {
        for (String rate : List.of("0.05", "0.1", "0.2", "0.4")) {
            for (String batch : List.of("5", "10", "20")) {
                for (String epochs : List.of("4", "10")) {
                    ppoRow(
                            Map.of("learning-rate", rate, "ppo-batch", batch, "ppo-epochs", epochs),
                            100);
                }
            }
        }
        for (Map<String, String> variation :
                List.of(
                        Map.of("distinct", "false"),
                        Map.of("entropy-weight", "0.01"),
                        Map.of("entropy-weight", "0.1"),
                        Map.of("ppo-clip", "0.1"),
                        Map.of("ppo-clip", "0.3"),
                        Map.of("ppo-epochs", "20"),
                        Map.of("ppo-batch", "3"),
                        Map.of("temperature", "2"),
                        Map.of("baseline-decay", "0"),
                        Map.of("learning-rate", "0.01"),
                        Map.of("learning-rate", "0.03"),
                        Map.of("learning-rate", "0.03", "ppo-epochs", "20"))) {
            ppoRow(variation, 100);
        }
        for (Map<String, String> lstm :
                List.of(
                        Map.of("learning-rate", "0.005"),
                        Map.of("learning-rate", "0.01"),
                        Map.of("learning-rate", "0.01", "ppo-batch", "10"),
                        Map.of("learning-rate", "0.01", "ppo-epochs", "4"),
                        Map.of("learning-rate", "0.03"),
                        Map.of("learning-rate", "0.1"))) {
            Map<String, String> settings = new java.util.HashMap<>(lstm);
            settings.put("controller", "lstm");
            ppoRow(settings, 20);
        }
    }

    /** Prints one PPO setting's mean best at 100 queries; the others keep their defaults. */
    private static void ppoRow(Map<String, String> settings, int seeds) {
        Map<String, String> ppo = new java.util.TreeMap<>(settings);
        ppo.put("algorithm", "ppo");
        System.out.printf("%s: 100 queries %s%n", ppo, stats(ppo, 100, 1000, seeds));
    }
}
