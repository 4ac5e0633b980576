package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.engine.EngineCapability;
import org.djlnas.api.engine.EngineSelector;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PpoTest {

    /** One choice of five arms; arm 3 pays 1, the others 0. */
    private static final SearchSpace BANDIT =
            Fixtures.space(
                    "bandit",
                    new ChoiceTree(
                            List.of(ValueChoice.categorical("arm", List.of(0, 1, 2, 3, 4)))));

    private static double payout(Sample sample) {
        return sample.steps().get(0).picks().get(0) == 3 ? 1 : 0;
    }

    private static Policy policy(String controller, SplittableRandom random) {
        Decisions decisions = Decisions.of(BANDIT);
        ReinforceSettings settings =
                ReinforceSettings.from(
                        ReinforceFixtures.settings(
                                Map.of("controller", controller, "learning-rate", "0.05")));
        return controller.equals("lstm")
                ? new LstmPolicy(
                        decisions,
                        settings,
                        EngineSelector.discover().select(Optional.empty(), EngineCapability.TRAIN),
                        random)
                : new IndependentPolicy(decisions, settings, random);
    }

    /** The probability of the paying arm, estimated from the policy's log-probability of it. */
    private static double probabilityOfTheBestArm(Policy policy, Sample anyOfArm3) {
        return Math.exp(policy.logProbabilities(List.of(anyOfArm3))[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"independent", "lstm"})
    void ppoLearnsThePayingArmOfAPlantedBandit(String controller) {
        SplittableRandom random = new SplittableRandom(7);
        Policy policy = policy(controller, random);
        Ppo ppo = new Ppo(policy, 5, 4, 0.2);
        MovingAverageBaseline baseline = new MovingAverageBaseline(0.9);
        Sample arm3 = null;
        List<Double> payouts = new ArrayList<>();
        for (int t = 0; t < 150; t++) {
            Sample sample = policy.sample(random);
            double reward = payout(sample);
            payouts.add(reward);
            if (reward == 1) {
                arm3 = sample;
            }
            if (baseline.hasValue()) {
                ppo.learn(sample, reward - baseline.value());
            }
            baseline.update(reward);
        }
        assertThat(arm3).as("the paying arm was drawn").isNotNull();
        assertThat(probabilityOfTheBestArm(policy, arm3)).isGreaterThan(0.9);
        double late =
                payouts.subList(100, 150).stream().mapToDouble(d -> d).average().orElseThrow();
        assertThat(late).as("late mean payout; uniform pays 0.2").isGreaterThan(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"independent", "lstm"})
    void theBatchWaitsUntilItIsFull(String controller) {
        SplittableRandom random = new SplittableRandom(3);
        Policy policy = policy(controller, random);
        Ppo ppo = new Ppo(policy, 3, 4, 0.2);
        List<Sample> samples =
                List.of(policy.sample(random), policy.sample(random), policy.sample(random));
        double[] before = policy.logProbabilities(samples);
        ppo.learn(samples.get(0), 1);
        ppo.learn(samples.get(1), -1);
        assertThat(policy.logProbabilities(samples)).containsExactly(before);
        ppo.learn(samples.get(2), 0.5);
        assertThat(policy.logProbabilities(samples)).isNotEqualTo(before);
    }

    @Test
    void advantagesAreStandardisedOverTheBatch() {
        double[] normalised = Ppo.normalise(List.of(1.0, 2.0, 3.0, 6.0));
        assertThat(normalised[0]).isCloseTo(-2 / Math.sqrt(3.5), within(1e-12));
        assertThat(normalised[3]).isCloseTo(3.0 / Math.sqrt(3.5), within(1e-12));
        assertThat(Ppo.normalise(List.of(4.0, 4.0))).containsExactly(0, 0);
    }
}
