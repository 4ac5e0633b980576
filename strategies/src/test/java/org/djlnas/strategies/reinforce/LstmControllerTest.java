package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

class LstmControllerTest {

    private static final LstmController.Options OPTIONS =
            new LstmController.Options(16, 0.05, 1, 1e-4, 0.9);

    private final SearchSpace nb201 = Fixtures.nasBench201();
    private final Engine engine = Engine.getEngine("PyTorch");

    @Test
    void theSameSeedSamplesTheSameArchitectures() {
        List<Architecture> first = samples(controller(7), new SplittableRandom(3), 20);
        List<Architecture> second = samples(controller(7), new SplittableRandom(3), 20);
        List<Architecture> otherParameters = samples(controller(8), new SplittableRandom(3), 20);

        assertThat(second).isEqualTo(first);
        assertThat(otherParameters).isNotEqualTo(first);
        assertThat(first).allSatisfy(a -> assertThat(nb201.validate(a)).isEqualTo(a));
    }

    @Test
    void rewardsMoveThePolicyTowardsAPlantedBetterOperation() {
        Choice edge = nb201.choices().choicesByLabel().values().iterator().next();
        Object better = edge.values().get(2);
        LstmController controller = controller(1);
        SplittableRandom random = new SplittableRandom(2);
        double before = share(samples(controller, random, 100), edge, better);

        for (int step = 0; step < 150; step++) {
            LstmController.Sampled sample = controller.sample(random);
            controller.learn(
                    sample, sample.architecture().get(edge.label()).equals(better) ? 1 : 0);
        }

        double after = share(samples(controller, random, 100), edge, better);
        assertThat(before).isLessThan(0.35);
        assertThat(after).isGreaterThan(0.7);
        assertThat(controller.mostLikely().architecture().get(edge.label())).isEqualTo(better);
        assertThat(controller.baseline().orElseThrow()).isGreaterThan(0.5);
    }

    @Test
    void aRestoredStateContinuesAsTheOriginal() {
        LstmController original = controller(1);
        SplittableRandom random = new SplittableRandom(5);
        for (int step = 0; step < 10; step++) {
            LstmController.Sampled sample = original.sample(random);
            original.learn(sample, step % 3);
        }
        LstmController restored = controller(99);

        restored.load(original.state());

        assertThat(restored.baseline()).isEqualTo(original.baseline());
        for (int step = 0; step < 5; step++) {
            LstmController.Sampled a = original.sample(new SplittableRandom(step));
            LstmController.Sampled b = restored.sample(new SplittableRandom(step));
            assertThat(b.architecture()).isEqualTo(a.architecture());
            original.learn(a, step);
            restored.learn(b, step);
        }
        assertThat(restored.state()).containsExactlyElementsOf(original.state());
        assertThat(samples(restored, new SplittableRandom(11), 10))
                .isEqualTo(samples(original, new SplittableRandom(11), 10));
    }

    @Test
    void aStateOfAnotherShapeOrANonFiniteRewardIsRejected() {
        LstmController controller = controller(1);
        List<double[]> state = controller.state();

        assertThatThrownBy(() -> controller.load(state.subList(1, state.size())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controller state");
        assertThatThrownBy(
                        () -> controller.learn(controller.sample(new SplittableRandom(1)), 0.0 / 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reward");
    }

    private LstmController controller(long seed) {
        return LstmController.create(nb201, OPTIONS, engine, new SplittableRandom(seed));
    }

    private static List<Architecture> samples(
            LstmController controller, SplittableRandom random, int count) {
        List<Architecture> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(controller.sample(random).architecture());
        }
        return samples;
    }

    private static double share(List<Architecture> architectures, Choice edge, Object value) {
        return architectures.stream().filter(a -> a.get(edge.label()).equals(value)).count()
                / (double) architectures.size();
    }
}
