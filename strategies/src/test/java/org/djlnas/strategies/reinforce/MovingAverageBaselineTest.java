package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MovingAverageBaselineTest {

    @Test
    void hasNoValueBeforeTheFirstReward() {
        MovingAverageBaseline baseline = new MovingAverageBaseline(0.9);
        assertThat(baseline.hasValue()).isFalse();
        assertThatThrownBy(baseline::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstRewardIsTheFirstValue() {
        MovingAverageBaseline baseline = new MovingAverageBaseline(0.9);
        baseline.update(73.5);
        assertThat(baseline.value()).isEqualTo(73.5);
    }

    @Test
    void followsTheBiasCorrectedMovingAverageExactly() {
        double decay = 0.9;
        double[] rewards = {10, 20, 5, 40, 35, 0, 90};
        MovingAverageBaseline baseline = new MovingAverageBaseline(decay);
        for (int n = 1; n <= rewards.length; n++) {
            baseline.update(rewards[n - 1]);
            double weighted = 0;
            double weights = 0;
            for (int i = 1; i <= n; i++) {
                weighted += Math.pow(decay, n - i) * rewards[i - 1];
                weights += Math.pow(decay, n - i);
            }
            assertThat(baseline.value()).isCloseTo(weighted / weights, within(1e-12));
        }
        // By hand: after 10 and 20, (0.9·10 + 20) / 1.9.
        MovingAverageBaseline two = new MovingAverageBaseline(decay);
        two.update(10);
        two.update(20);
        assertThat(two.value()).isCloseTo(29 / 1.9, within(1e-12));
    }

    @Test
    void aDecayOfZeroKeepsTheLastReward() {
        MovingAverageBaseline baseline = new MovingAverageBaseline(0);
        baseline.update(3);
        baseline.update(8);
        assertThat(baseline.value()).isEqualTo(8);
    }
}
