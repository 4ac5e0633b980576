package org.djlnas.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.op.OperationProvider;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.SearchSpaceProvider;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.StrategyContext;
import org.djlnas.api.strategy.StrategyProvider;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;

class HillClimbingTest {

    /** A second operation, so that each layer has two candidates. */
    private static final OperationProvider WIDE_SQUEEZE =
            () ->
                    Map.of(
                            "se_conv_3x3_wide",
                            c -> new SqueezeExcitationConv(c.channels(), c.stride(), true, 2));

    /** Three layers of two candidates: eight architectures. */
    private static SearchSpace space() {
        SearchSpaceProvider provider = new SeCnnProvider();
        Settings settings =
                Settings.resolve(
                        "space 'se-cnn'",
                        provider.settings(),
                        Map.of("layers", "3", "operations", "se_conv_3x3,se_conv_3x3_wide"));
        return provider.create(
                settings, OpRegistry.of(List.of(new ExampleOperations(), WIDE_SQUEEZE)));
    }

    private static Strategy strategy(long seed, Map<String, String> given) {
        StrategyProvider provider = new HillClimbingProvider();
        Settings settings =
                Settings.resolve("strategy 'hill-climbing'", provider.settings(), given);
        return provider.create(
                new StrategyContext(space(), settings, seed, 100, Budget.ofEpochs(1)));
    }

    private static TrialOutcome outcome(int number, Proposal proposal, double objective) {
        return new TrialOutcome(
                new TrialSpec(number, proposal.architecture(), proposal.budget(), number),
                TrialState.DONE,
                OptionalDouble.of(objective));
    }

    /** Runs a strategy to its end, scoring each architecture by how many layers are wide. */
    private static List<Architecture> run(Strategy strategy) {
        List<Architecture> proposed = new ArrayList<>();
        for (Optional<Proposal> next = strategy.ask(); next.isPresent(); next = strategy.ask()) {
            proposed.add(next.get().architecture());
            double wide =
                    next.get().architecture().values().values().stream()
                            .filter("se_conv_3x3_wide"::equals)
                            .count();
            strategy.tell(outcome(proposed.size(), next.get(), wide));
        }
        return proposed;
    }

    private static int differences(Architecture a, Architecture b) {
        int count = 0;
        for (String label : a.values().keySet()) {
            if (!a.get(label).equals(b.get(label))) {
                count++;
            }
        }
        return count;
    }

    @Test
    void proposesEveryArchitectureOnceAndThenStops() {
        List<Architecture> proposed = run(strategy(7, Map.of()));
        assertThat(proposed).hasSize(8);
        assertThat(new HashSet<>(proposed)).hasSize(8);
    }

    @Test
    void theSameSeedAndOutcomesGiveTheSameProposals() {
        assertThat(run(strategy(3, Map.of("patience", "2"))))
                .isEqualTo(run(strategy(3, Map.of("patience", "2"))));
        assertThat(run(strategy(3, Map.of()))).isNotEqualTo(run(strategy(4, Map.of())));
    }

    @Test
    void withoutRestartsEveryProposalIsANeighbourOfTheBestSoFar() {
        Strategy strategy = strategy(11, Map.of("restart", "false", "patience", "1"));
        Proposal first = strategy.ask().orElseThrow();
        strategy.tell(outcome(1, first, 0.5));
        Architecture best = first.architecture();
        for (int number = 2; number <= 4; number++) {
            Proposal next = strategy.ask().orElseThrow();
            assertThat(differences(next.architecture(), best)).isEqualTo(1);
            strategy.tell(outcome(number, next, 0.1));
        }
    }

    @Test
    void aBetterNeighbourBecomesTheNewStartingPoint() {
        Strategy strategy = strategy(5, Map.of());
        Proposal first = strategy.ask().orElseThrow();
        strategy.tell(outcome(1, first, 0.5));
        Proposal second = strategy.ask().orElseThrow();
        strategy.tell(outcome(2, second, 0.9));
        Proposal third = strategy.ask().orElseThrow();
        assertThat(differences(third.architecture(), second.architecture())).isEqualTo(1);
    }
}
