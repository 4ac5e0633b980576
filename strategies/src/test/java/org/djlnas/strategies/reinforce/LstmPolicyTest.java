package org.djlnas.strategies.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.space.SearchSpace;
import org.djlnas.strategies.Fixtures;
import org.junit.jupiter.api.Test;

class LstmPolicyTest {

    private static final long GARBAGE_COLLECTION_INTERVAL_MS = 5;

    /** The LSTM controller learning by REINFORCE, one step per reward, as it was written for. */
    private static final Map<String, String> REINFORCE =
            Map.of("controller", "lstm", "algorithm", "reinforce", "distinct", "false");

    private final SearchSpace nb201 = Fixtures.nasBench201();

    private static Map<String, String> with(String setting, String value) {
        Map<String, String> settings = new java.util.HashMap<>(REINFORCE);
        settings.put(setting, value);
        return settings;
    }

    @Test
    void learnsToPreferTheRewardedOptionsWithinAFewHundredTrials() {
        for (long seed = 0; seed < 3; seed++) {
            List<Architecture> asked =
                    new Fixtures.Driver(ReinforceFixtures.create(nb201, seed, REINFORCE))
                            .run(300, a -> ReinforceFixtures.firstValueFraction(nb201, a));
            double early = ReinforceFixtures.meanReward(nb201, asked.subList(0, 30));
            double late = ReinforceFixtures.meanReward(nb201, asked.subList(250, 300));
            assertThat(late).as("late mean reward, seed %d", seed).isGreaterThan(0.6);
            assertThat(late).as("late over early mean reward, seed %d", seed).isGreaterThan(early);
        }
    }

    /**
     * The controller's backward pass must not read memory the garbage collector may free: with
     * DJL's {@code mul(Number)} on PyTorch it did, and gradients came back as NaN now and then.
     */
    @Test
    void proposesTheSameArchitecturesWhileTheGarbageCollectorRuns() throws InterruptedException {
        Thread collector = new Thread(LstmPolicyTest::collectGarbageUntilInterrupted);
        collector.setDaemon(true);
        collector.start();
        try {
            List<Architecture> first = learnFromFirstValues(4, 120);
            List<Architecture> second = learnFromFirstValues(4, 120);
            assertThat(second).isEqualTo(first);
        } finally {
            collector.interrupt();
            collector.join();
        }
    }

    private List<Architecture> learnFromFirstValues(long seed, int trials) {
        return new Fixtures.Driver(ReinforceFixtures.create(nb201, seed, REINFORCE))
                .run(trials, a -> ReinforceFixtures.firstValueFraction(nb201, a));
    }

    private static void collectGarbageUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            System.gc();
            try {
                Thread.sleep(GARBAGE_COLLECTION_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Test
    void anotherHiddenSizeIsAnotherController() {
        List<Architecture> small =
                new Fixtures.Driver(ReinforceFixtures.create(nb201, 1, with("lstm-hidden", "8")))
                        .askOnly(30);
        List<Architecture> large =
                new Fixtures.Driver(ReinforceFixtures.create(nb201, 1, with("lstm-hidden", "64")))
                        .askOnly(30);
        assertThat(small).isNotEqualTo(large);
    }
}
