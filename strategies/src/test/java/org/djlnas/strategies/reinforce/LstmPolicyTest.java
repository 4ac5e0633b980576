package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

class LstmPolicyTest {

    private final SearchSpace nb201 = Fixtures.nasBench201();

    @Test
    void learnsToPreferTheRewardedOptionsWithinAFewHundredTrials() {
        for (long seed = 0; seed < 3; seed++) {
            List<Architecture> asked =
                    new Fixtures.Driver(
                                    ReinforceFixtures.create(
                                            nb201, seed, Map.of("controller", "lstm")))
                            .run(300, a -> ReinforceFixtures.firstValueFraction(nb201, a));
            double early = ReinforceFixtures.meanReward(nb201, asked.subList(0, 30));
            double late = ReinforceFixtures.meanReward(nb201, asked.subList(250, 300));
            assertThat(late).as("late mean reward, seed %d", seed).isGreaterThan(0.6);
            assertThat(late).as("late over early mean reward, seed %d", seed).isGreaterThan(early);
        }
    }

    @Test
    void anotherHiddenSizeIsAnotherController() {
        List<Architecture> small =
                new Fixtures.Driver(
                                ReinforceFixtures.create(
                                        nb201, 1, Map.of("controller", "lstm", "lstm-hidden", "8")))
                        .askOnly(30);
        List<Architecture> large =
                new Fixtures.Driver(
                                ReinforceFixtures.create(
                                        nb201,
                                        1,
                                        Map.of("controller", "lstm", "lstm-hidden", "64")))
                        .askOnly(30);
        assertThat(small).isNotEqualTo(large);
    }
}
