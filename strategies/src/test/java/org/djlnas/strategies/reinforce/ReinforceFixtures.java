package org.djlnas.strategies.reinforce;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.InputChoice;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.Repeat;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.spaces.nasbench201.NasBench201Provider;

/** Spaces, strategies, a driver and a synthetic reward for the reinforce tests. */
final class ReinforceFixtures {

    static final Budget BUDGET = new Budget(2.5, 1000);

    private ReinforceFixtures() {}

    /** The real {@code nas-bench-201} space: six layer choices of five operations. */
    static SearchSpace nasBench201() {
        NasBench201Provider provider = new NasBench201Provider();
        return provider.create(
                Settings.defaults("space 'nas-bench-201'", provider.settings()),
                OpRegistry.discover());
    }

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
        return space("mixed", new ChoiceTree(List.of(op, inputs, depth, rate)));
    }

    /** A space over a choice tree whose architectures cannot be compiled. */
    static SearchSpace space(String id, ChoiceTree tree) {
        return new SearchSpace() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Settings settings() {
                return Settings.defaults("space '" + id + "'", List.of());
            }

            @Override
            public ChoiceTree choices() {
                return tree;
            }

            @Override
            public Block compile(Architecture architecture) {
                throw new UnsupportedOperationException("test spaces have no blocks");
            }
        };
    }

    /** Resolves the strategy's settings from text. */
    static Settings settings(Map<String, String> given) {
        ReinforceProvider provider = new ReinforceProvider();
        return Settings.resolve("strategy 'reinforce'", provider.settings(), given);
    }

    /** Creates a reinforce strategy with the given settings. */
    static Strategy create(SearchSpace space, long seed, Map<String, String> given) {
        return new ReinforceProvider()
                .create(new StrategyContext(space, settings(given), seed, 100, BUDGET));
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

    /** Asks and tells as an experiment does, numbering the trials. */
    static final class Driver {

        private final Strategy strategy;
        private int told;

        Driver(Strategy strategy) {
            this.strategy = strategy;
        }

        /** Asks for the next architecture, which must exist. */
        Architecture ask() {
            Optional<Proposal> proposal = strategy.ask();
            if (proposal.isEmpty()) {
                throw new AssertionError("the strategy proposed nothing");
            }
            return proposal.get().architecture();
        }

        /** Tells a done outcome. */
        void tell(Architecture architecture, double objective) {
            tell(architecture, TrialState.DONE, OptionalDouble.of(objective));
        }

        /** Tells any outcome. */
        void tell(Architecture architecture, TrialState state, OptionalDouble objective) {
            told++;
            TrialSpec spec = new TrialSpec(told, architecture, BUDGET, told);
            strategy.tell(new TrialOutcome(spec, state, objective));
        }

        /** Runs {@code n} ask-then-tell rounds scored by {@code score}; returns the asks. */
        List<Architecture> run(int n, ToDoubleFunction<Architecture> score) {
            List<Architecture> asked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Architecture architecture = ask();
                asked.add(architecture);
                tell(architecture, score.applyAsDouble(architecture));
            }
            return asked;
        }

        /** Asks {@code n} architectures and tells nothing. */
        List<Architecture> askOnly(int n) {
            List<Architecture> asked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                asked.add(ask());
            }
            return asked;
        }
    }

    /** Returns the mean of the synthetic reward over architectures. */
    static double meanReward(SearchSpace space, List<Architecture> architectures) {
        return architectures.stream()
                .mapToDouble(a -> firstValueFraction(space, a))
                .average()
                .orElseThrow();
    }
}
