package org.djlnas.strategies;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what each strategy's ask and tell cost on NAS-Bench-201 after 10, 100 and 1,000 told
 * trials, to compare with a trial's cost (seconds to minutes). BOHB runs with one budget, its
 * model's worst case (every observation is in it). A benchmark: runs only with {@code
 * -Pbenchmarks}; it measures, it asserts nothing.
 */
@Tag("benchmark")
class StrategyCostBenchmark {

    private static final int MEASURED = 50;

    private final SearchSpace space = Fixtures.nasBench201();

    @Test
    void askAndTellCost() {
        Map<String, StrategyProvider> providers = new LinkedHashMap<>();
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        add(providers, settings, "random", new RandomSearchProvider(), Map.of());
        add(
                providers,
                settings,
                "regularized-evolution",
                new RegularizedEvolutionProvider(),
                Map.of());
        add(providers, settings, "gp-bo", new GpBoProvider(), Map.of());
        Map<String, String> reference =
                Map.of(
                        ReinforceProvider.ALGORITHM,
                        "reinforce",
                        ReinforceProvider.DISTINCT,
                        "false");
        add(providers, settings, "reinforce", new ReinforceProvider(), reference);
        Map<String, String> referenceLstm = new java.util.HashMap<>(reference);
        referenceLstm.put(ReinforceProvider.CONTROLLER, "lstm");
        add(providers, settings, "reinforce, lstm", new ReinforceProvider(), referenceLstm);
        add(providers, settings, "reinforce (ppo)", new ReinforceProvider(), Map.of());
        add(
                providers,
                settings,
                "reinforce (ppo), lstm",
                new ReinforceProvider(),
                Map.of(ReinforceProvider.CONTROLLER, "lstm"));
        add(
                providers,
                settings,
                "evolution, crossover",
                new RegularizedEvolutionProvider(),
                Map.of(RegularizedEvolutionProvider.CROSSOVER, "uniform"));
        add(providers, settings, "hyperband (1 to 9 epochs)", new HyperbandProvider(), Map.of());
        add(
                providers,
                settings,
                "bohb (one budget)",
                new BohbProvider(),
                Map.of(HyperbandProvider.MIN_EPOCHS, "1", HyperbandProvider.MAX_EPOCHS, "1"));
        System.out.println("strategy: milliseconds per ask + tell after 10 / 100 / 1,000 told");
        for (Map.Entry<String, StrategyProvider> entry : providers.entrySet()) {
            StringBuilder row = new StringBuilder(String.format("  %-26s", entry.getKey()));
            for (int told : new int[] {10, 100, 1000}) {
                double ms = cost(entry.getValue(), settings.get(entry.getKey()), told);
                row.append(String.format(Locale.ROOT, "  %8.3f", ms));
            }
            System.out.println(row);
        }
    }

    private static void add(
            Map<String, StrategyProvider> providers,
            Map<String, Map<String, String>> settings,
            String name,
            StrategyProvider provider,
            Map<String, String> given) {
        providers.put(name, provider);
        settings.put(name, given);
    }

    /** Tells {@code told} trials, then returns the mean milliseconds of the next asks and tells. */
    private double cost(StrategyProvider provider, Map<String, String> settings, int told) {
        Strategy strategy = Fixtures.create(provider, space, 1, told + MEASURED, settings);
        for (int n = 1; n <= told; n++) {
            step(strategy, n);
        }
        long start = System.nanoTime();
        for (int n = told + 1; n <= told + MEASURED; n++) {
            step(strategy, n);
        }
        return (System.nanoTime() - start) / 1e6 / MEASURED;
    }

    private static void step(Strategy strategy, int number) {
        Proposal proposal = strategy.ask().orElseThrow();
        double score = Math.floorMod(proposal.architecture().id().hashCode(), 10_000) / 100.0;
        TrialSpec spec =
                new TrialSpec(
                        number,
                        proposal.architecture(),
                        proposal.budget(),
                        number,
                        proposal.continues());
        strategy.tell(new TrialOutcome(spec, TrialState.DONE, OptionalDouble.of(score)));
    }
}
