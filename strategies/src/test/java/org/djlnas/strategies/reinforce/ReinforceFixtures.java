package org.djlnas.strategies.reinforce;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.InputChoice;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.Repeat;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.strategies.Fixtures;

/** Spaces, strategies, a driver and a synthetic reward for the reinforce tests. */
final class ReinforceFixtures {

    private ReinforceFixtures() {}

    /**
     * Every kind of choice, nested: a layer choice whose candidate carries a value choice, an input
     * choice of 2 of 4 inputs each carrying a layer choice, a repeat whose layers carry integer
     * ranges, and a top-level categorical value.
     */
    static SearchSpace mixed() {
        LayerChoice op =
                LayerChoice.builder("op")
                        .addCandidate(
                                "conv",
                                ValueChoice.categorical("op/conv/width", List.of(8, 16, 32)))
                        .addCandidate("pool")
                        .build();
        InputChoice inputs =
                InputChoice.of(
                        "inputs",
                        4,
                        2,
                        i ->
                                List.<Choice>of(
                                        LayerChoice.of("inputs/" + i + "/op", List.of("a", "b"))));
        Repeat depth =
                Repeat.of(
                        "depth",
                        List.of(1, 2, 3),
                        layer ->
                                List.<Choice>of(
                                        ValueChoice.integerRange(
                                                "depth/" + layer + "/units", 1, 4)));
        ValueChoice rate = ValueChoice.categorical("rate", List.of("low", "high"));
        return Fixtures.space("mixed", new ChoiceTree(List.of(op, inputs, depth, rate)));
    }

    /** Resolves the strategy's settings from text. */
    static Settings settings(Map<String, String> given) {
        ReinforceProvider provider = new ReinforceProvider();
        return Settings.resolve("strategy 'reinforce'", provider.settings(), given);
    }

    /** Creates a reinforce strategy with the given settings. */
    static Strategy create(SearchSpace space, long seed, Map<String, String> given) {
        return new ReinforceProvider()
                .create(
                        new StrategyContext(
                                space,
                                settings(given),
                                seed,
                                100,
                                Fixtures.BUDGET,
                                Optional.empty(),
                                EngineSelector.discover()));
    }

    /** The synthetic reward: the fraction of an architecture's choices set to their first value. */
    static double firstValueFraction(SearchSpace space, Architecture architecture) {
        List<Choice> reached = space.choices().reachable(architecture);
        long first =
                reached.stream()
                        .filter(c -> architecture.get(c.label()).equals(c.values().get(0)))
                        .count();
        return (double) first / reached.size();
    }

    /** Returns the mean of the synthetic reward over architectures. */
    static double meanReward(SearchSpace space, List<Architecture> architectures) {
        return architectures.stream()
                .mapToDouble(a -> firstValueFraction(space, a))
                .average()
                .orElseThrow();
    }
}
