package org.djlnas.strategies.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.strategy.Strategy;
import org.djlnas.api.strategy.TrialOutcome;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

/** The strategy: determinism, replay, batches, what it learns, bad settings. */
class GpBoTest {

    private final SearchSpace nb201 = Fixtures.nasBench201();

    /** Counts the edges that chose 3x3 convolutions: a smooth score with one optimum. */
    private static double convolutions(Architecture architecture) {
        return architecture.values().values().stream().filter("nor_conv_3x3"::equals).count();
    }

    private Strategy create(long seed) {
        return Fixtures.create(new GpBoProvider(), nb201, seed, 100, Map.of());
    }

    @Test
    void theSameSeedAndOutcomesGiveTheSameProposalsAndAnotherSeedOthers() {
        List<Architecture> first = new Fixtures.Driver(create(3)).run(40, GpBoTest::convolutions);
        List<Architecture> again = new Fixtures.Driver(create(3)).run(40, GpBoTest::convolutions);
        List<Architecture> other = new Fixtures.Driver(create(4)).run(40, GpBoTest::convolutions);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(new HashSet<>(first)).hasSize(40);
    }

    @Test
    void theModelFindsTheOptimumOfASmoothScoreFarSoonerThanChance() {
        // Random search needs 15,625 / 2 draws on average to meet the one all-3x3 cell.
        for (long seed = 1; seed <= 3; seed++) {
            List<Architecture> asked =
                    new Fixtures.Driver(create(seed)).run(40, GpBoTest::convolutions);
            assertThat(asked.stream().mapToDouble(GpBoTest::convolutions).max().orElseThrow())
                    .as("seed %d", seed)
                    .isEqualTo(6);
        }
    }

    /** A resumed experiment asks a fresh strategy again and tells it the journaled outcomes. */
    @Test
    void aFreshStrategyToldTheJournalProposesTheSameNextArchitectures() {
        Fixtures.Driver original = new Fixtures.Driver(create(21));
        List<Architecture> journal = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Architecture asked = original.ask();
            journal.add(asked);
            tell(original, asked, i);
        }
        Fixtures.Driver resumed = new Fixtures.Driver(create(21));
        for (int i = 0; i < journal.size(); i++) {
            assertThat(resumed.ask()).isEqualTo(journal.get(i));
            tell(resumed, journal.get(i), i);
        }
        assertThat(resumed.run(15, GpBoTest::convolutions))
                .isEqualTo(original.run(15, GpBoTest::convolutions));
    }

    private static void tell(Fixtures.Driver driver, Architecture asked, int i) {
        if (i % 7 == 3) {
            driver.tell(asked, TrialState.FAILED, OptionalDouble.empty());
        } else {
            driver.tell(asked, convolutions(asked));
        }
    }

    /**
     * With {@code parallel 3}, trial {@code n} is asked when trials up to {@code n - 3} are told;
     * the pending ones are believed at their predicted mean, so the three asks differ, and a replay
     * in the same order proposes the same.
     */
    @Test
    void parallelAsksAreDistinctAndReplayExactly() {
        List<Architecture> first = parallelRun(create(8), 3, 45);
        assertThat(parallelRun(create(8), 3, 45)).isEqualTo(first);
        assertThat(new HashSet<>(first)).hasSize(45);
        for (int n = 12; n + 3 <= first.size(); n += 3) {
            Set<Architecture> batch = new HashSet<>(first.subList(n, n + 3));
            assertThat(batch).hasSize(3);
        }
    }

    private static List<Architecture> parallelRun(Strategy strategy, int parallel, int trials) {
        List<Architecture> asked = new ArrayList<>();
        int told = 0;
        while (asked.size() < trials) {
            while (asked.size() - told >= parallel) {
                Architecture a = asked.get(told);
                told++;
                TrialSpec spec = new TrialSpec(told, a, Fixtures.BUDGET, told);
                strategy.tell(
                        new TrialOutcome(
                                spec, TrialState.DONE, OptionalDouble.of(convolutions(a))));
            }
            asked.add(strategy.ask().orElseThrow().architecture());
        }
        return asked;
    }

    @Test
    void believingAPendingPointKeepsItsMeanAndShrinksItsVariance() {
        ChoiceEncoding encoding = new ChoiceEncoding(nb201.choices());
        List<double[]> points = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        for (int i = 0; i < 12; i++) {
            Architecture a = nb201.sample(random);
            points.add(encoding.encode(a));
            scores.add(convolutions(a) - 1.0);
        }
        double[] targets = scores.stream().mapToDouble(Double::doubleValue).toArray();
        ChoiceDistance distance = new ChoiceDistance(encoding, points);
        Model model =
                new Model(
                        distance,
                        points,
                        distance.matrix(points, points),
                        targets,
                        new Hyperparameters(0.4, 0.01));
        double[] pending = encoding.encode(nb201.sample(random));
        double[] near = pending.clone();
        near[0] = near[0] == 0 ? 1 : 0;
        Model.Posterior alone = model.believing(List.of());
        Model.Posterior believer = model.believing(List.of(pending));
        GaussianProcess.Prediction before = model.predict(alone, pending);
        GaussianProcess.Prediction after = model.predict(believer, pending);
        assertThat(after.mean())
                .isCloseTo(before.mean(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(after.variance()).isLessThan(0.1 * before.variance());
        assertThat(model.predict(believer, near).variance())
                .isLessThan(model.predict(alone, near).variance());
    }

    @Test
    void aPoolOfNoCandidatesIsRejectedNamingBothSettings() {
        assertThatThrownBy(
                        () ->
                                Fixtures.create(
                                        new GpBoProvider(),
                                        nb201,
                                        1,
                                        10,
                                        Map.of(
                                                "random-candidates",
                                                "0",
                                                "mutation-candidates",
                                                "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "settings 'random-candidates' and 'mutation-candidates' of strategy 'gp-bo'"
                                + " are both 0; expected at least one candidate per ask");
    }
}
