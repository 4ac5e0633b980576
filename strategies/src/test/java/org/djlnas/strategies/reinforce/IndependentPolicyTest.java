package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

class IndependentPolicyTest {

    private static final double EPSILON = 1e-6;

    private static IndependentPolicy policy(
            Decisions decisions, Map<String, String> settings, SplittableRandom random) {
        return new IndependentPolicy(
                decisions, ReinforceSettings.from(ReinforceFixtures.settings(settings)), random);
    }

    private static double[][] randomLogits(Decisions decisions, SplittableRandom random) {
        double[][] logits = new double[decisions.all().size()][];
        for (Decision decision : decisions.all()) {
            logits[decision.index()] = random.doubles(decision.options(), -2, 2).toArray();
        }
        return logits;
    }

    @Test
    void theLossGradientMatchesCentralFiniteDifferences() {
        Decisions decisions = Decisions.of(ReinforceFixtures.mixed());
        SplittableRandom random = new SplittableRandom(11);
        IndependentPolicy sampler = policy(decisions, Map.of(), random);
        double temperature = 0.7;
        double advantage = 1.3;
        double entropyWeight = 0.2;
        for (int s = 0; s < 5; s++) {
            Sample sample = sampler.sample(random);
            double[][] logits = randomLogits(decisions, random);
            double[][] gradient =
                    IndependentPolicy.lossGradient(
                            logits, sample, temperature, advantage, entropyWeight);
            for (int i = 0; i < logits.length; i++) {
                for (int j = 0; j < logits[i].length; j++) {
                    double original = logits[i][j];
                    logits[i][j] = original + EPSILON;
                    double up =
                            IndependentPolicy.loss(
                                    logits, sample, temperature, advantage, entropyWeight);
                    logits[i][j] = original - EPSILON;
                    double down =
                            IndependentPolicy.loss(
                                    logits, sample, temperature, advantage, entropyWeight);
                    logits[i][j] = original;
                    assertThat(gradient[i][j])
                            .as("d loss / d logit [%s][%d]", decisions.all().get(i).label(), j)
                            .isCloseTo((up - down) / (2 * EPSILON), within(1e-7));
                }
            }
        }
    }

    @Test
    void theLossOfAnInputChoiceCountsItsPicksWithoutReplacement() {
        Decisions decisions = Decisions.of(ReinforceFixtures.mixed());
        Decision inputs =
                decisions.all().stream().filter(d -> d.label().equals("inputs")).findFirst().get();
        Sample sample =
                new Sample(Architecture.of(Map.of()), List.of(new Step(inputs, List.of(2, 0))));
        double[][] logits = randomLogits(decisions, new SplittableRandom(3));
        double[] z = logits[inputs.index()];
        double all = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]) + Math.exp(z[3]);
        double expected =
                Math.log(Math.exp(z[2]) / all) + Math.log(Math.exp(z[0]) / (all - Math.exp(z[2])));
        assertThat(IndependentPolicy.loss(logits, sample, 1, 1, 0))
                .isCloseTo(-expected, within(1e-12));
    }

    @Test
    void aPositiveAdvantageMakesThePicksMoreLikelyAndANegativeOneLessLikely() {
        SearchSpace nb201 = Fixtures.nasBench201();
        Decisions decisions = Decisions.of(nb201);
        Decision first = decisions.all().get(0);
        for (double advantage : new double[] {2, -2}) {
            SplittableRandom random = new SplittableRandom(8);
            IndependentPolicy policy = policy(decisions, Map.of(), random);
            Sample sample = policy.sample(random);
            int picked = sample.steps().get(0).picks().get(0);
            double before = policy.firstPickProbabilities(first)[picked];
            policy.reinforce(sample, advantage);
            double after = policy.firstPickProbabilities(first)[picked];
            assertThat(Math.signum(after - before)).isEqualTo(Math.signum(advantage));
        }
    }

    @Test
    void startsNearUniformLikeTheNasBench201Policy() {
        Decisions decisions = Decisions.of(Fixtures.nasBench201());
        IndependentPolicy policy = policy(decisions, Map.of(), new SplittableRandom(1));
        for (Decision decision : decisions.all()) {
            for (double p : policy.firstPickProbabilities(decision)) {
                assertThat(p).isCloseTo(0.2, within(0.005));
            }
        }
    }

    @Test
    void learnsToPreferTheRewardedOptionsOfEveryChoice() {
        SearchSpace nb201 = Fixtures.nasBench201();
        Decisions decisions = Decisions.of(nb201);
        SplittableRandom random = new SplittableRandom(4);
        IndependentPolicy policy = policy(decisions, Map.of("learning-rate", "0.05"), random);
        Reinforce strategy =
                new Reinforce(
                        policy,
                        policy::reinforce,
                        new MovingAverageBaseline(0.9),
                        random,
                        Fixtures.BUDGET,
                        false);
        List<Architecture> asked =
                new Fixtures.Driver(strategy)
                        .run(300, a -> ReinforceFixtures.firstValueFraction(nb201, a));
        for (Decision decision : decisions.all()) {
            assertThat(policy.firstPickProbabilities(decision)[0])
                    .as("probability of the first option of %s", decision.label())
                    .isGreaterThan(0.6);
        }
        assertThat(ReinforceFixtures.meanReward(nb201, asked.subList(250, 300))).isGreaterThan(0.8);
    }
}
