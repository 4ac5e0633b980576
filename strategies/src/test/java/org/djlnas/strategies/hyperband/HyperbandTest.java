package org.djlnas.strategies.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Proposal;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialState;
import org.djlnas.strategies.RandomSearchProvider;
import org.junit.jupiter.api.Test;

class HyperbandTest {

    private final HyperbandProvider provider = new HyperbandProvider();
    private final SearchSpace nb201 = HyperbandFixtures.nasBench201();

    private Strategy hyperband(long seed) {
        return HyperbandFixtures.create(provider, nb201, seed, Map.of());
    }

    private static String shape(Proposal proposal) {
        return (proposal.continues().isPresent() ? "continue@" : "fresh@")
                + proposal.budget().epochs();
    }

    private static List<String> repeat(String shape, int times) {
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            shapes.add(shape);
        }
        return shapes;
    }

    @Test
    void aSequentialRunFollowsTheBracketsAndStartsAgain() {
        List<Proposal> proposals =
                new HyperbandFixtures.Experiment(
                                hyperband(1),
                                1,
                                (n, p) ->
                                        HyperbandFixtures.done(
                                                n, p, HyperbandFixtures.hashScore(p)))
                        .run(31)
                        .proposals();
        List<String> expected = new ArrayList<>();
        expected.addAll(repeat("fresh@1.0", 9));
        expected.addAll(repeat("continue@3.0", 3));
        expected.addAll(repeat("continue@9.0", 1));
        expected.addAll(repeat("fresh@3.0", 5));
        expected.addAll(repeat("continue@9.0", 1));
        expected.addAll(repeat("fresh@9.0", 3));
        expected.addAll(repeat("fresh@1.0", 9));
        assertThat(proposals).extracting(HyperbandTest::shape).isEqualTo(expected);
        assertThat(proposals)
                .allMatch(
                        p ->
                                p.budget().maxTrainExamples()
                                        == HyperbandFixtures.BUDGET.maxTrainExamples());
    }

    @Test
    void anInfeasibleTrialIsNeverContinuedWhateverItsObjective() {
        Strategy strategy = hyperband(2);
        List<Proposal> rung = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rung.add(strategy.ask().orElseThrow());
        }
        for (int n = 1; n <= 8; n++) {
            strategy.tell(HyperbandFixtures.done(n, rung.get(n - 1), n));
        }
        strategy.tell(
                HyperbandFixtures.outcome(
                        9, rung.get(8), TrialState.INFEASIBLE, OptionalDouble.of(99)));
        List<Proposal> next =
                List.of(strategy.ask().get(), strategy.ask().get(), strategy.ask().get());
        assertThat(next).extracting(p -> p.continues().getAsInt()).containsExactly(8, 7, 6);
    }

    @Test
    void aRungContinuesItsBestThirdWithFailuresLastAndTiesByTrialNumber() {
        Strategy strategy = hyperband(2);
        List<Proposal> rung = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rung.add(strategy.ask().orElseThrow());
        }
        List<TrialOutcome> outcomes =
                List.of(
                        HyperbandFixtures.done(1, rung.get(0), 5),
                        HyperbandFixtures.outcome(
                                2, rung.get(1), TrialState.FAILED, OptionalDouble.empty()),
                        HyperbandFixtures.done(3, rung.get(2), 7),
                        HyperbandFixtures.done(4, rung.get(3), 7),
                        HyperbandFixtures.outcome(
                                5, rung.get(4), TrialState.PRUNED, OptionalDouble.of(99)),
                        HyperbandFixtures.done(6, rung.get(5), 1),
                        HyperbandFixtures.outcome(
                                7, rung.get(6), TrialState.DONE, OptionalDouble.empty()),
                        HyperbandFixtures.done(8, rung.get(7), 7),
                        HyperbandFixtures.done(9, rung.get(8), Double.NaN));
        outcomes.forEach(strategy::tell);
        List<Proposal> next =
                List.of(strategy.ask().get(), strategy.ask().get(), strategy.ask().get());
        assertThat(next).extracting(p -> p.continues().getAsInt()).containsExactly(3, 4, 8);
        assertThat(next)
                .extracting(Proposal::architecture)
                .containsExactly(
                        rung.get(2).architecture(),
                        rung.get(3).architecture(),
                        rung.get(7).architecture());
        assertThat(next).allMatch(p -> p.budget().equals(new Budget(3, 1000)));
    }

    @Test
    void onlyDoneTrialsAreContinuedSoARungMayContinueFewer() {
        Strategy strategy = hyperband(3);
        List<Proposal> rung = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rung.add(strategy.ask().orElseThrow());
        }
        for (int n = 1; n <= 9; n++) {
            strategy.tell(
                    n == 4 || n == 6
                            ? HyperbandFixtures.done(n, rung.get(n - 1), n)
                            : HyperbandFixtures.outcome(
                                    n, rung.get(n - 1), TrialState.FAILED, OptionalDouble.empty()));
        }
        Proposal first = strategy.ask().orElseThrow();
        Proposal second = strategy.ask().orElseThrow();
        assertThat(List.of(first.continues(), second.continues()))
                .containsExactly(OptionalInt.of(6), OptionalInt.of(4));
        assertThat(strategy.awaitsOutcomes()).isTrue();
        strategy.tell(HyperbandFixtures.done(10, first, 1));
        strategy.tell(HyperbandFixtures.done(11, second, 2));
        Proposal afterAShortRung = strategy.ask().orElseThrow();
        assertThat(shape(afterAShortRung)).isEqualTo("fresh@3.0");
    }

    @Test
    void aBracketWhoseTrialsAllFailGoesOnToTheNextBracket() {
        List<Proposal> proposals =
                new HyperbandFixtures.Experiment(
                                hyperband(4),
                                1,
                                (n, p) ->
                                        HyperbandFixtures.outcome(
                                                n, p, TrialState.FAILED, OptionalDouble.empty()))
                        .run(18)
                        .proposals();
        List<String> expected = new ArrayList<>(repeat("fresh@1.0", 9));
        expected.addAll(repeat("fresh@3.0", 5));
        expected.addAll(repeat("fresh@9.0", 3));
        expected.add("fresh@1.0");
        assertThat(proposals).extracting(HyperbandTest::shape).isEqualTo(expected);
    }

    @Test
    void awaitsOutcomesExactlyWhileARungWaits() {
        Strategy strategy = hyperband(5);
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            assertThat(strategy.awaitsOutcomes()).isFalse();
            proposals.add(strategy.ask().orElseThrow());
        }
        assertThat(strategy.awaitsOutcomes()).isTrue();
        assertThatThrownBy(strategy::ask)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "waits for the outcomes of trials [1, 2, 3, 4, 5, 6, 7, 8, 9]");
        for (int n = 1; n <= 9; n++) {
            assertThat(strategy.awaitsOutcomes()).isTrue();
            strategy.tell(HyperbandFixtures.done(n, proposals.get(n - 1), n));
        }
        assertThat(strategy.awaitsOutcomes()).isFalse();
        for (int n = 10; n <= 12; n++) {
            assertThat(strategy.awaitsOutcomes()).isFalse();
            proposals.add(strategy.ask().orElseThrow());
        }
        assertThat(strategy.awaitsOutcomes()).isTrue();
        for (int n = 10; n <= 12; n++) {
            strategy.tell(HyperbandFixtures.done(n, proposals.get(n - 1), n));
        }
        proposals.add(strategy.ask().orElseThrow());
        assertThat(shape(proposals.get(12))).isEqualTo("continue@9.0");
        assertThat(strategy.awaitsOutcomes())
                .as("the last rung of a bracket is not waited for")
                .isFalse();
        assertThat(shape(strategy.ask().orElseThrow())).isEqualTo("fresh@3.0");
    }

    /**
     * Four workers: each continuation must come after every trial of the rung before it was told.
     * With (1, 9, 3) every iteration of 22 trials is: trials 1-9 at 1 epoch, 10-12 continue, 13
     * continues, 14-18 fresh at 3 epochs, 19 continues, 20-22 fresh at 9 epochs.
     */
    @Test
    void withParallelAsksNoContinuationComesBeforeItsRungIsComplete() {
        HyperbandFixtures.Experiment experiment =
                new HyperbandFixtures.Experiment(
                                hyperband(6),
                                4,
                                (n, p) ->
                                        HyperbandFixtures.done(
                                                n, p, HyperbandFixtures.hashScore(p)))
                        .run(44);
        List<String> events = experiment.events();
        Map<Integer, int[]> rungOf =
                Map.of(10, new int[] {1, 9}, 13, new int[] {10, 12}, 19, new int[] {14, 18});
        for (int iteration = 0; iteration < 2; iteration++) {
            for (Map.Entry<Integer, int[]> entry : rungOf.entrySet()) {
                int continuation = entry.getKey() + 22 * iteration;
                int lastOfRung = entry.getValue()[1] + 22 * iteration;
                int asked = indexOf(events, "ask " + continuation + " ");
                int told = indexOf(events, "number=" + lastOfRung + ",");
                assertThat(told).isLessThan(asked);
            }
        }
        assertThat(experiment.proposals().get(9).continues()).isPresent();
        assertThat(experiment.proposals().get(21 + 13).continues()).isPresent();
    }

    private static int indexOf(List<String> events, String fragment) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no event contains '" + fragment + "'");
    }

    private static HyperbandFixtures.Evaluation someFail() {
        return (n, p) ->
                n % 7 == 3
                        ? HyperbandFixtures.outcome(n, p, TrialState.FAILED, OptionalDouble.empty())
                        : HyperbandFixtures.done(n, p, HyperbandFixtures.hashScore(p));
    }

    @Test
    void theSameSeedGivesTheSameProposalsAndAnotherSeedOthers() {
        List<Proposal> first =
                new HyperbandFixtures.Experiment(hyperband(7), 3, someFail()).run(80).proposals();
        List<Proposal> again =
                new HyperbandFixtures.Experiment(hyperband(7), 3, someFail()).run(80).proposals();
        List<Proposal> other =
                new HyperbandFixtures.Experiment(hyperband(8), 3, someFail()).run(80).proposals();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aFreshStrategyReplayingTheJournalProposesTheSame() {
        HyperbandFixtures.Experiment original =
                new HyperbandFixtures.Experiment(hyperband(9), 2, someFail()).run(70);
        assertThat(HyperbandFixtures.replay(hyperband(9), original))
                .isEqualTo(original.proposals());
    }

    /** Hyperband's proposals depend on outcomes only through full rungs, so tell timing is free. */
    @Test
    void aReplayThatTellsOnlyWhenAwaitedProposesTheSame() {
        HyperbandFixtures.Experiment original =
                new HyperbandFixtures.Experiment(hyperband(9), 3, someFail()).run(70);
        List<Proposal> journal = original.proposals();
        Strategy replay = hyperband(9);
        int told = 0;
        for (int n = 1; n <= journal.size(); n++) {
            while (replay.awaitsOutcomes()) {
                told++;
                replay.tell(someFail().evaluate(told, journal.get(told - 1)));
            }
            assertThat(replay.ask()).contains(journal.get(n - 1));
        }
    }

    /**
     * Tiny has 6 architectures. Iteration 1: 6 fresh at 1 epoch (of 9), 2 continued to 3, none to
     * 9; 4 fresh at 3 (6 minus the 2 continued there), 1 continued to 9; 3 fresh at 9. Iteration 2:
     * nothing left at 1 or 3, the last 2 at 9. Iteration 3 proposes nothing, so the strategy ends.
     */
    @Test
    void aTinySpaceIsDrawnOnceAtEachBudgetAndThenEnds() {
        Strategy strategy =
                HyperbandFixtures.create(provider, HyperbandFixtures.tiny(), 10, Map.of());
        List<Proposal> proposals = new ArrayList<>();
        for (Optional<Proposal> p = strategy.ask(); p.isPresent(); p = strategy.ask()) {
            proposals.add(p.get());
            assertThat(proposals).hasSizeLessThan(100);
            strategy.tell(
                    HyperbandFixtures.done(
                            proposals.size(), p.get(), HyperbandFixtures.hashScore(p.get())));
        }
        assertThat(proposals).hasSize(18);
        assertThat(proposals.stream().filter(p -> p.continues().isEmpty())).hasSize(15);
        assertThat(proposals.stream().map(p -> p.architecture().id() + "@" + p.budget()))
                .doesNotHaveDuplicates()
                .hasSize(18);
        assertThat(strategy.ask()).isEmpty();
    }

    @Test
    void equalBudgetsGiveRandomSearchAtThatBudget() {
        Map<String, String> settings = Map.of("min-epochs", "2.5", "max-epochs", "2.5");
        Strategy strategy = HyperbandFixtures.create(provider, nb201, 11, settings);
        Strategy random = HyperbandFixtures.create(new RandomSearchProvider(), nb201, 11, Map.of());
        for (int n = 1; n <= 40; n++) {
            Proposal proposal = strategy.ask().orElseThrow();
            assertThat(strategy.awaitsOutcomes()).isFalse();
            assertThat(proposal.architecture())
                    .isEqualTo(random.ask().orElseThrow().architecture());
            assertThat(proposal.budget()).isEqualTo(new Budget(2.5, 1000));
            assertThat(proposal.continues()).isEmpty();
            strategy.tell(HyperbandFixtures.done(n, proposal, n));
        }
    }

    @Test
    void proposalsAreValidArchitecturesOfTheSpace() {
        List<Proposal> proposals =
                new HyperbandFixtures.Experiment(hyperband(12), 1, someFail()).run(50).proposals();
        for (Proposal proposal : proposals) {
            Architecture architecture = proposal.architecture();
            assertThat(nb201.validate(architecture)).isEqualTo(architecture);
        }
    }
}
