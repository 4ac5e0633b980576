package org.djlnas.strategies.hyperband;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.LayerChoice;
import org.djlnas.api.space.Repeat;
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
import org.djlnas.strategies.Fixtures;

/** Spaces, contexts and an experiment-like driver for the Hyperband and BOHB tests. */
final class HyperbandFixtures {

    /** The context's budget: only its cap on training examples matters to these strategies. */
    static final Budget BUDGET = new Budget(9, 1000);

    private HyperbandFixtures() {}

    /** The real {@code nas-bench-201} space (15,625 architectures); no engine is loaded. */
    static SearchSpace nasBench201() {
        return Fixtures.nasBench201();
    }

    /** Two layer choices of 2 and 3 candidates: 6 architectures. */
    static SearchSpace tiny() {
        return space(
                "tiny",
                List.of(
                        LayerChoice.of("a", List.of("x", "y")),
                        LayerChoice.of("b", List.of("p", "q", "r"))));
    }

    /**
     * A stem of 3 candidates, a width of 2 and a stack of 1 to 3 layers with 3 operations each: the
     * layers beyond the chosen depth are inactive.
     */
    static SearchSpace conditional() {
        return space(
                "conditional",
                List.of(
                        LayerChoice.of("stem", List.of("conv", "pool", "skip")),
                        ValueChoice.categorical("width", List.of(16, 32)),
                        Repeat.of(
                                "stack",
                                List.of(1, 2, 3),
                                i ->
                                        List.of(
                                                LayerChoice.of(
                                                        "stack/" + i + "/op",
                                                        List.of("a", "b", "c"))))));
    }

    /** A layer choice, an integer range and a log-scaled float range: infinitely many. */
    static SearchSpace continuous() {
        return space(
                "continuous",
                List.of(
                        LayerChoice.of("op", List.of("x", "y")),
                        ValueChoice.integerRange("units", 1, 64),
                        ValueChoice.floatRange("rate", 0.001, 0.1, true)));
    }

    private static SearchSpace space(String id, List<org.djlnas.api.space.Choice> roots) {
        return Fixtures.space(id, new ChoiceTree(roots));
    }

    /** Creates a strategy with the given settings, everything else fixed. */
    static Strategy create(
            StrategyProvider provider, SearchSpace space, long seed, Map<String, String> settings) {
        Settings resolved =
                Settings.resolve("strategy '" + provider.id() + "'", provider.settings(), settings);
        return provider.create(new StrategyContext(space, resolved, seed, 1000, BUDGET));
    }

    /** The outcome of a trial, as the experiment would tell it. */
    static TrialOutcome outcome(
            int number, Proposal proposal, TrialState state, OptionalDouble objective) {
        TrialSpec spec =
                new TrialSpec(
                        number,
                        proposal.architecture(),
                        proposal.budget(),
                        number,
                        proposal.continues());
        return new TrialOutcome(spec, state, objective);
    }

    /** A done outcome. */
    static TrialOutcome done(int number, Proposal proposal, double objective) {
        return outcome(number, proposal, TrialState.DONE, OptionalDouble.of(objective));
    }

    /** Decides how a trial ends. */
    @FunctionalInterface
    interface Evaluation {
        /** Returns the outcome of the trial {@code number} that ran {@code proposal}. */
        TrialOutcome evaluate(int number, Proposal proposal);
    }

    /**
     * Drives a strategy as an experiment with {@code parallel} workers does: it asks while fewer
     * than {@code parallel} trials run and the strategy does not await outcomes, and otherwise
     * tells the outcome of the oldest running trial, so outcomes arrive in trial-number order.
     */
    static final class Experiment {

        private final Strategy strategy;
        private final int parallel;
        private final Evaluation evaluation;
        private final List<Proposal> proposals = new ArrayList<>();
        private final List<TrialOutcome> told = new ArrayList<>();
        private final List<String> events = new ArrayList<>();

        Experiment(Strategy strategy, int parallel, Evaluation evaluation) {
            this.strategy = strategy;
            this.parallel = parallel;
            this.evaluation = evaluation;
        }

        /** Runs until {@code trials} have been proposed and all of them told. */
        Experiment run(int trials) {
            while (proposals.size() < trials) {
                if (proposals.size() - told.size() < parallel && !strategy.awaitsOutcomes()) {
                    Proposal proposal = strategy.ask().orElseThrow();
                    proposals.add(proposal);
                    events.add("ask " + proposals.size() + " " + proposal);
                } else {
                    tellNext();
                }
            }
            while (told.size() < proposals.size()) {
                tellNext();
            }
            return this;
        }

        private void tellNext() {
            int number = told.size() + 1;
            TrialOutcome outcome = evaluation.evaluate(number, proposals.get(number - 1));
            strategy.tell(outcome);
            told.add(outcome);
            events.add("tell " + outcome);
        }

        /** The proposals, in trial-number order. */
        List<Proposal> proposals() {
            return proposals;
        }

        /** The asks and tells in the order they happened. */
        List<String> events() {
            return events;
        }
    }

    /**
     * Replays an experiment into a fresh strategy as a resumed experiment does: the same asks and
     * tells in the same order, the journaled outcomes told again.
     *
     * @return the replayed proposals
     */
    static List<Proposal> replay(Strategy fresh, Experiment original) {
        List<Proposal> proposals = new ArrayList<>();
        int told = 0;
        for (String event : original.events) {
            if (event.startsWith("ask ")) {
                proposals.add(fresh.ask().orElseThrow());
            } else {
                fresh.tell(original.told.get(told++));
            }
        }
        return proposals;
    }

    /** A deterministic score of a trial: a hash of its architecture and budget, in [0, 100). */
    static double hashScore(Proposal proposal) {
        long h = proposal.architecture().id().hashCode() * 31L + proposal.budget().hashCode();
        return Math.floorMod(h * 0x9E3779B97F4A7C15L, 10_000) / 100.0;
    }
}
