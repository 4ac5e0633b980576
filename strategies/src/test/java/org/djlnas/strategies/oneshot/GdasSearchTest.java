package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.testing.EpochRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GDAS searches through its provider on the tiny supernets and the synthetic images. */
class GdasSearchTest {

    private static final int EXAMPLES_PER_HALF = 32;
    private static final int EPOCHS = 3;
    private static final long SEED = 1;

    private static NDManager manager;
    private static OneShotData data;
    private static OneShotResult reference;

    @TempDir Path folder;

    @BeforeAll
    static void runTheReferenceSearch(@TempDir Path referenceFolder) throws IOException {
        manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager();
        data = DartsFixtures.data(manager, EXAMPLES_PER_HALF);
        reference = reference(referenceFolder, List.of(), record -> {});
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    @Test
    void theSameSeedGivesTheSameEpochsAtTheScheduledTemperatures() throws IOException {
        List<EpochRecord> heard = new ArrayList<>();

        OneShotResult again = reference(folder, List.of(), heard::add);

        assertThat(EpochRecords.comparable(again.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(EpochRecords.comparable(heard))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(reference.history())
                .extracting(record -> record.metrics().get(GdasMethod.TEMPERATURE))
                .containsExactly(10.0, 5.05, 10 - 9.9);
        assertThat(reference.history())
                .allSatisfy(
                        record ->
                                assertThat(record.metrics())
                                        .containsKeys("trainLoss", "validationAccuracy"));
        assertThat(reference.stopReason()).isEmpty();
        assertThat(reference.architecture())
                .isEqualTo(reference.history().get(EPOCHS - 1).architecture());
    }

    @Test
    void anotherSeedDrawsOtherPaths() throws IOException {
        OneShotResult other =
                search(DartsFixtures.tinyNasBench201(), SEED + 1, 1, folder, List.of(), r -> {});

        assertThat(other.history().get(0).metrics().get("trainLoss"))
                .isNotEqualTo(reference.history().get(0).metrics().get("trainLoss"));
    }

    @Test
    void aSearchResumedAfterAJournaledEpochEndsAsOneThatNeverStopped() throws IOException {
        List<EpochRecord> journal = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                reference(
                                        folder,
                                        List.of(),
                                        record -> {
                                            journal.add(record);
                                            throw new DartsSearchTest.SimulatedCrash();
                                        }))
                .isInstanceOf(DartsSearchTest.SimulatedCrash.class);
        List<EpochRecord> heardAfterResume = new ArrayList<>();

        OneShotResult resumed = reference(folder, journal, heardAfterResume::add);

        assertThat(heardAfterResume).extracting(EpochRecord::epoch).containsExactly(2, 3);
        assertThat(EpochRecords.comparable(resumed.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(resumed.architecture()).isEqualTo(reference.architecture());
    }

    @Test
    void theDartsCellLearnsThroughItsSampledPaths() throws IOException {
        OneShotSpace space = DartsFixtures.tinyDarts();

        OneShotResult result = search(space, SEED, 2, folder, List.of(), record -> {});

        EpochRecord last = result.history().get(1);
        assertThat(space.validate(result.architecture())).isEqualTo(result.architecture());
        assertThat(last.metrics().get("trainLoss")).isFinite();
        assertThat(last.metrics().get("skippedSteps")).isZero();
        // Without weight decay on α, Adam moves α only where the straight-through gradient
        // reaches it.
        Map<String, double[]> start;
        try (NDManager alphas = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager()) {
            start =
                    ArchitectureWeights.create(
                                    alphas, space.searchCells(), SEED, Supernet.ALPHA_SCALE)
                            .probabilities();
        }
        last.mixingWeights()
                .forEach(
                        (edge, weights) -> {
                            double moved = 0;
                            for (int i = 0; i < weights.size(); i++) {
                                moved =
                                        Math.max(
                                                moved,
                                                Math.abs(weights.get(i) - start.get(edge)[i]));
                            }
                            assertThat(moved)
                                    .as("mixing weights of %s moved", edge)
                                    .isGreaterThan(1e-4);
                        });
        assertThat(last.metrics().get(GdasMethod.TEMPERATURE)).isCloseTo(0.1, within(1e-12));
    }

    /**
     * GDAS steps, as a search runs them (each in its own scope), leave no array behind in the
     * supernet's managers: as many are open after the sixth step as after the first.
     */
    @Test
    void stepsLeaveNoArrayBehind() {
        int batchSize = 16;
        try (Supernet supernet =
                        Supernet.create(
                                DartsFixtures.tinyDarts(),
                                DartsFixtures.ENGINE,
                                new Shape(batchSize, 1, DartsFixtures.SIDE, DartsFixtures.SIDE),
                                SEED,
                                DartsFixtures.THREE_CLASSES);
                NDManager batches = supernet.newSubManager()) {
            Batch train = DartsFixtures.batch(batches, batchSize, 11);
            Batch search = DartsFixtures.batch(batches, batchSize, 12);
            DartsSettings settings = DartsFixtures.settings(1, -1);
            BilevelStep step =
                    new BilevelStep(
                            supernet,
                            new MomentumSgd(supernet.weights(), 0.9, 3e-4),
                            new Adam(supernet.alphas().arrays(), 3e-3, 0.5, 0.999, 1e-3, 1e-8),
                            settings);
            supernet.samplePaths(new GumbelSampler(1, new SplittableRandom(SEED)));
            NDManager all = batches.getParentManager();
            List<Integer> open = new ArrayList<>();

            for (int i = 0; i < 6; i++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    step.architectureStep(train, search, 0.025);
                    step.weightStep(train, 0.025);
                }
                open.add(all.getManagedArrays().size());
            }

            assertThat(open).as("open arrays after each step").containsOnly(open.get(0));
        }
    }

    /** The reference search (NAS-Bench-201, {@link #SEED}, {@link #EPOCHS}) into a folder. */
    private static OneShotResult reference(
            Path checkpoints, List<EpochRecord> journaled, EpochListener listener)
            throws IOException {
        return search(
                DartsFixtures.tinyNasBench201(), SEED, EPOCHS, checkpoints, journaled, listener);
    }

    private static OneShotResult search(
            OneShotSpace space,
            long seed,
            int epochs,
            Path checkpoints,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        GdasProvider provider = new GdasProvider();
        Settings settings =
                Settings.resolve(
                        "strategy",
                        provider.settings(),
                        Map.of(
                                "batch-size", "16",
                                "arch-learning-rate", "3e-3",
                                // Only Adam's moves on the gradient: none towards zero.
                                "arch-weight-decay", "0"));
        OneShotContext context =
                new OneShotContext(
                        space, settings, seed, new Budget(epochs, 0), DartsFixtures.ENGINE);
        return provider.create(context).search(data, checkpoints, journaled, listener);
    }
}
