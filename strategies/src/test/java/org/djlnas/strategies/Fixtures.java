package org.djlnas.strategies;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.BenchmarkStringCodec;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.spaces.nasbench201.NasBench201Provider;
import org.djlnas.testing.BenchmarkTables;

/** Spaces, contexts and drivers shared by the strategy tests. */
public final class Fixtures {

    public static final Budget BUDGET = new Budget(2.5, 1000);

    private Fixtures() {}

    /** The real {@code nas-bench-201} space (15,625 architectures); no engine is loaded. */
    public static SearchSpace nasBench201() {
        NasBench201Provider provider = new NasBench201Provider();
        return provider.create(
                Settings.defaults("space 'nas-bench-201'", provider.settings()),
                OpRegistry.discover());
    }

    /** Two layer choices of 2 and 3 candidates: 6 architectures. */
    static SearchSpace tiny() {
        return space(
                "tiny",
                new ChoiceTree(
                        List.of(
                                LayerChoice.of("a", List.of("x", "y")),
                                LayerChoice.of("b", List.of("p", "q", "r")))));
    }

    /** A layer choice and a continuous value: infinitely many architectures. */
    static SearchSpace infinite() {
        return space(
                "continuous",
                new ChoiceTree(
                        List.of(
                                LayerChoice.of("op", List.of("x", "y")),
                                ValueChoice.floatRange("rate", 0.001, 0.1, true))));
    }

    /** Reads the built-in NAS-Bench-201 CIFAR-10 table: test accuracy by architecture id. */
    public static Map<String, Double> nasBench201Accuracies(SearchSpace space) {
        BenchmarkStringCodec codec = (BenchmarkStringCodec) space;
        Map<String, Double> accuracyById = new HashMap<>();
        for (BenchmarkTables.Row row :
                BenchmarkTables.rows(BenchmarkTables.NAS_BENCH_201_CIFAR10)) {
            accuracyById.put(codec.fromBenchmarkString(row.architecture()).id(), row.score());
        }
        return accuracyById;
    }

    /** A space over a choice tree whose architectures cannot be compiled. */
    public static SearchSpace space(String id, ChoiceTree tree) {
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

    /**
     * Creates a strategy with the given settings, everything else fixed; the engines on the test
     * class path are available (the reinforce strategy's LSTM controller needs one).
     */
    public static Strategy create(
            StrategyProvider provider,
            SearchSpace space,
            long seed,
            int maxTrials,
            Map<String, String> settings) {
        Settings resolved =
                Settings.resolve("strategy '" + provider.id() + "'", provider.settings(), settings);
        return provider.create(
                new StrategyContext(
                        space,
                        resolved,
                        seed,
                        maxTrials,
                        BUDGET,
                        java.util.Optional.empty(),
                        org.djlnas.api.engine.EngineSelector.discover()));
    }

    /** Creates a strategy with default settings. */
    static Strategy create(StrategyProvider provider, SearchSpace space, long seed) {
        return create(provider, space, seed, 100, Map.of());
    }

    /** Asks once and tells the outcome at once, as a sequential experiment does. */
    public static final class Driver {

        private final Strategy strategy;
        private int trials;

        public Driver(Strategy strategy) {
            this.strategy = strategy;
        }

        /** Asks for the next architecture, which must exist. */
        public Architecture ask() {
            Optional<Proposal> proposal = strategy.ask();
            if (proposal.isEmpty()) {
                throw new AssertionError("the strategy proposed nothing");
            }
            return proposal.get().architecture();
        }

        /** Tells a done outcome. */
        public void tell(Architecture architecture, double objective) {
            tell(architecture, TrialState.DONE, OptionalDouble.of(objective));
        }

        /** Tells any outcome. */
        public void tell(Architecture architecture, TrialState state, OptionalDouble objective) {
            trials++;
            TrialSpec spec = new TrialSpec(trials, architecture, BUDGET, trials);
            strategy.tell(new TrialOutcome(spec, state, objective));
        }

        /** Runs {@code n} ask-then-tell rounds scored by {@code score}; returns the asks. */
        public List<Architecture> run(int n, ToDoubleFunction<Architecture> score) {
            List<Architecture> asked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Architecture architecture = ask();
                asked.add(architecture);
                tell(architecture, score.applyAsDouble(architecture));
            }
            return asked;
        }

        /** Asks {@code n} architectures and tells nothing. */
        public List<Architecture> askOnly(int n) {
            List<Architecture> asked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                asked.add(ask());
            }
            return asked;
        }
    }

    /** Asks until the strategy has nothing left, telling nothing; fails past {@code limit}. */
    static List<Architecture> drain(Strategy strategy, int limit) {
        List<Architecture> asked = new ArrayList<>();
        for (Optional<Proposal> p = strategy.ask(); p.isPresent(); p = strategy.ask()) {
            asked.add(p.get().architecture());
            if (asked.size() > limit) {
                throw new AssertionError("more than " + limit + " proposals");
            }
        }
        return asked;
    }

    /** The labels whose values differ between two architectures. */
    static int distance(Architecture a, Architecture b) {
        TreeSet<String> labels = new TreeSet<>(a.values().keySet());
        labels.addAll(b.values().keySet());
        int differing = 0;
        for (String label : labels) {
            if (!a.has(label) || !b.has(label) || !a.get(label).equals(b.get(label))) {
                differing++;
            }
        }
        return differing;
    }

    /** A deterministic score with many distinct values, computed from the chosen values. */
    static double score(Architecture architecture) {
        return architecture.values().values().stream().mapToInt(v -> v.hashCode() % 97).sum();
    }
}
