package org.djlnas.strategies.reinforce;

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
import org.djlnas.api.trial.TrialState;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour both controllers share: determinism, replay, validity, what outcomes teach. */
class ReinforceTest {

    private final SearchSpace nb201 = Fixtures.nasBench201();
    private final SearchSpace mixed = ReinforceFixtures.mixed();

    /**
     * The settings of a variant: a controller, then optionally an algorithm. The LSTM controller
     * learns with PPO in 3 steps per batch and without distinct proposals here, to keep these tests
     * fast; the defaults are exercised by the independent controller.
     */
    private static Map<String, String> with(String variant) {
        return with(variant, Map.of());
    }

    private static Map<String, String> with(String variant, Map<String, String> more) {
        String[] parts = variant.split(" ");
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.put("controller", parts[0]);
        if (parts.length > 1) {
            settings.put("algorithm", parts[1]);
        }
        if (variant.equals("lstm ppo")) {
            settings.putIfAbsent("ppo-epochs", "3");
            settings.putIfAbsent("distinct", "false");
        }
        return settings;
    }

    private Fixtures.Driver driver(SearchSpace space, long seed, String controller) {
        return new Fixtures.Driver(ReinforceFixtures.create(space, seed, with(controller)));
    }

    private double reward(Architecture architecture) {
        return 100 * ReinforceFixtures.firstValueFraction(nb201, architecture);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void theSameSeedGivesTheSameProposalsAndAnotherSeedOthers(String controller) {
        List<Architecture> first = driver(nb201, 3, controller).run(60, this::reward);
        List<Architecture> again = driver(nb201, 3, controller).run(60, this::reward);
        List<Architecture> other = driver(nb201, 4, controller).run(60, this::reward);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** A resumed experiment asks a fresh strategy again and tells it the journaled outcomes. */
    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void aFreshStrategyToldTheJournalProposesTheSameNextArchitectures(String controller) {
        Fixtures.Driver original = driver(nb201, 21, controller);
        List<Architecture> journal = new ArrayList<>();
        List<TrialState> states = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Architecture asked = original.ask();
            journal.add(asked);
            TrialState state = i % 7 == 3 ? TrialState.FAILED : TrialState.DONE;
            states.add(state);
            tell(original, asked, state);
        }
        Fixtures.Driver resumed = driver(nb201, 21, controller);
        for (int i = 0; i < journal.size(); i++) {
            assertThat(resumed.ask()).isEqualTo(journal.get(i));
            tell(resumed, journal.get(i), states.get(i));
        }
        assertThat(resumed.run(30, this::reward)).isEqualTo(original.run(30, this::reward));
    }

    private void tell(Fixtures.Driver driver, Architecture asked, TrialState state) {
        if (state == TrialState.DONE) {
            driver.tell(asked, reward(asked));
        } else {
            driver.tell(asked, state, OptionalDouble.empty());
        }
    }

    /**
     * With {@code --parallel 3}, trial {@code n} is asked when trials up to {@code n - 3} are told:
     * asks draw from the policy as it stands, and late outcomes find their own picks.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void asksRunAheadOfOutcomesDeterministically(String controller) {
        assertThat(runAhead(controller, 3)).isEqualTo(runAhead(controller, 3));
        assertThat(runAhead(controller, 3)).isNotEqualTo(runAhead(controller, 1));
    }

    private List<Architecture> runAhead(String controller, int parallel) {
        Fixtures.Driver driver = driver(nb201, 9, controller);
        List<Architecture> asked = new ArrayList<>();
        int told = 0;
        for (int n = 1; n <= 60; n++) {
            while (told < n - parallel) {
                Architecture architecture = asked.get(told++);
                driver.tell(architecture, reward(architecture));
            }
            asked.add(driver.ask());
        }
        return asked;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void proposalsAreValidArchitecturesOfEveryKindOfChoice(String controller) {
        Fixtures.Driver driver = driver(mixed, 2, controller);
        Set<Object> depths = new HashSet<>();
        Set<Object> inputs = new HashSet<>();
        for (Architecture architecture :
                driver.run(200, a -> ReinforceFixtures.firstValueFraction(mixed, a))) {
            assertThat(mixed.validate(architecture)).isEqualTo(architecture);
            depths.add(architecture.get("depth"));
            inputs.add(architecture.get("inputs"));
        }
        assertThat(depths).hasSize(3);
        assertThat(inputs).hasSizeGreaterThan(3);
    }

    /** The baseline needs a first reward before any advantage exists. */
    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void theFirstRewardOnlyStartsTheBaseline(String controller) {
        Fixtures.Driver rewarded = driver(nb201, 5, controller);
        Fixtures.Driver failed = driver(nb201, 5, controller);
        Architecture first = rewarded.ask();
        assertThat(failed.ask()).isEqualTo(first);
        rewarded.tell(first, 93.5);
        failed.tell(first, TrialState.FAILED, OptionalDouble.empty());
        assertThat(rewarded.askOnly(30)).isEqualTo(failed.askOnly(30));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void failedPrunedInfeasibleAndObjectiveLessOutcomesTeachNothing(String controller) {
        List<Architecture> ignored = afterOutcomes(controller, false);
        List<Architecture> failed = afterFailures(controller);
        assertThat(ignored).isEqualTo(failed);
        assertThat(afterOutcomes(controller, true)).isNotEqualTo(failed);
    }

    /** A fast learner, so that a single update shows in the next asks. */
    private Fixtures.Driver fastLearner(String controller) {
        return new Fixtures.Driver(
                ReinforceFixtures.create(
                        nb201,
                        6,
                        with(controller, Map.of("learning-rate", "0.5", "ppo-batch", "2"))));
    }

    private List<Architecture> afterOutcomes(String controller, boolean lastIsAReward) {
        Fixtures.Driver driver = fastLearner(controller);
        driver.run(2, this::reward);
        driver.tell(driver.ask(), TrialState.FAILED, OptionalDouble.empty());
        driver.tell(driver.ask(), TrialState.PRUNED, OptionalDouble.of(99));
        driver.tell(driver.ask(), TrialState.INFEASIBLE, OptionalDouble.of(99));
        driver.tell(driver.ask(), TrialState.DONE, OptionalDouble.empty());
        Architecture last = driver.ask();
        driver.tell(last, lastIsAReward ? 12 : Double.NaN);
        return driver.askOnly(30);
    }

    private List<Architecture> afterFailures(String controller) {
        Fixtures.Driver driver = fastLearner(controller);
        driver.run(2, this::reward);
        for (int i = 0; i < 5; i++) {
            driver.tell(driver.ask(), TrialState.FAILED, OptionalDouble.empty());
        }
        return driver.askOnly(30);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void outcomesToldOutOfOrderAreRejected(String controller) {
        Strategy strategy = ReinforceFixtures.create(nb201, 1, with(controller));
        Fixtures.Driver driver = new Fixtures.Driver(strategy);
        Architecture first = driver.ask();
        Architecture second = driver.ask();
        assertThat(second).as("seed 1 proposes two different architectures").isNotEqualTo(first);
        assertThatThrownBy(() -> driver.tell(second, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trial 1 has architecture " + second.id())
                .hasMessageContaining("oldest proposal awaiting an outcome is " + first.id());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void anOutcomeWithoutAProposalIsRejected(String controller) {
        Fixtures.Driver driver =
                new Fixtures.Driver(ReinforceFixtures.create(nb201, 1, with(controller)));
        Architecture any = nb201.sample(new java.util.SplittableRandom(0));
        assertThatThrownBy(() -> driver.tell(any, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trial 1 was told")
                .hasMessageContaining("no proposal awaiting an outcome");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"independent reinforce", "lstm reinforce", "independent ppo", "lstm ppo"})
    void lateProposalsEarnMoreThanRandomSearch(String controller) {
        List<Architecture> asked =
                driver(nb201, 12, controller)
                        .run(300, a -> ReinforceFixtures.firstValueFraction(nb201, a));
        List<Architecture> random = new ArrayList<>();
        java.util.SplittableRandom uniform = new java.util.SplittableRandom(12);
        for (int i = 0; i < 100; i++) {
            random.add(nb201.sample(uniform));
        }
        double randomMean = ReinforceFixtures.meanReward(nb201, random);
        assertThat(randomMean).isBetween(0.1, 0.3);
        assertThat(ReinforceFixtures.meanReward(nb201, asked.subList(200, 300)))
                .isGreaterThan(randomMean + 0.2);
    }

    /**
     * A policy that has converged repeats itself; with distinct proposals (the default) it draws
     * again, and repeats only when every draw of an ask hit an earlier proposal.
     */
    @ParameterizedTest
    @ValueSource(strings = {"independent reinforce", "lstm ppo"})
    void distinctProposalsRepeatLessThanAConvergedPolicy(String variant) {
        Map<String, String> fast =
                Map.of("learning-rate", "0.5", "ppo-batch", "2", "distinct", "false");
        List<Architecture> repeating =
                new Fixtures.Driver(ReinforceFixtures.create(nb201, 8, with(variant, fast)))
                        .run(150, this::reward);
        Map<String, String> distinct = new java.util.HashMap<>(fast);
        distinct.put("distinct", "true");
        List<Architecture> proposed =
                new Fixtures.Driver(ReinforceFixtures.create(nb201, 8, with(variant, distinct)))
                        .run(150, this::reward);
        int repeatingDistinct = new HashSet<>(repeating).size();
        assertThat(repeatingDistinct).isLessThan(100);
        assertThat(new HashSet<>(proposed))
                .as("a draw is repeated only after %d repeats in a row", Reinforce.MAX_DRAWS)
                .hasSizeGreaterThan(repeatingDistinct + 10);
        assertThat(ReinforceFixtures.meanReward(nb201, proposed.subList(100, 150)))
                .as("still drawn from the policy, near the first values")
                .isGreaterThan(0.6);
    }
}
