package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.op.OpRegistry;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.supernet.MixingForm;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.trial.Budget;
import org.djlnas.spaces.textnas.TextNasProvider;
import org.djlnas.testing.EpochRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SposSearchTest {

    private static final int EXAMPLES_PER_HALF = 48;
    private static final int EPOCHS = 3;
    private static final long SEED = 5;
    private static final int FINAL_CANDIDATES = 6;
    private static final int EPOCH_CANDIDATES = 2;

    private static NDManager manager;
    private static OneShotSpace space;
    private static OneShotData data;
    private static OneShotResult reference;

    @TempDir Path folder;

    @BeforeAll
    static void runTheReferenceSearch(@TempDir Path referenceFolder) throws IOException {
        manager = Engine.getEngine(DartsFixtures.ENGINE).newBaseManager();
        space = DartsFixtures.tinyNasBench201();
        data = DartsFixtures.data(manager, EXAMPLES_PER_HALF);
        reference = search(SEED, EPOCHS, referenceFolder, List.of(), record -> {});
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    @Test
    void eachEpochDerivesAnArchitectureFromItsCandidatesAndTheLastFromTheFullSearch() {
        assertThat(reference.history()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
        assertThat(reference.history())
                .extracting(r -> r.metrics().get("candidates"))
                .containsExactly(
                        (double) EPOCH_CANDIDATES,
                        (double) EPOCH_CANDIDATES,
                        (double) FINAL_CANDIDATES);
        assertThat(reference.architecture())
                .isEqualTo(reference.history().get(EPOCHS - 1).architecture());
        assertThat(space.validate(reference.architecture())).isEqualTo(reference.architecture());
        for (EpochRecord record : reference.history()) {
            assertThat(record.metrics())
                    .containsKeys("trainLoss", "trainAccuracy", "validationAccuracy")
                    .allSatisfy((name, value) -> assertThat(value).as(name).isFinite());
            assertThat(record.mixingWeights()).isEmpty();
        }
    }

    @Test
    void theSameSeedSamplesTheSamePathsAndGivesTheSameHistory() throws IOException {
        List<EpochRecord> heard = new ArrayList<>();

        OneShotResult again = search(SEED, EPOCHS, folder, List.of(), heard::add);

        assertThat(EpochRecords.comparable(again.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(EpochRecords.comparable(heard))
                .isEqualTo(EpochRecords.comparable(reference.history()));
    }

    @Test
    void anotherSeedSamplesOtherPaths() throws IOException {
        OneShotResult other = search(SEED + 1, 1, folder, List.of(), record -> {});

        assertThat(other.history().get(0).metrics().get("trainLoss"))
                .isNotEqualTo(reference.history().get(0).metrics().get("trainLoss"));
    }

    @Test
    void aResumedSearchEndsAsOneThatNeverStopped() throws IOException {
        List<EpochRecord> journal = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                search(
                                        SEED,
                                        EPOCHS,
                                        folder,
                                        List.of(),
                                        record -> {
                                            journal.add(record);
                                            throw new IllegalStateException("killed");
                                        }))
                .hasMessage("killed");
        List<EpochRecord> heardAfterResume = new ArrayList<>();

        OneShotResult resumed = search(SEED, EPOCHS, folder, journal, heardAfterResume::add);

        assertThat(heardAfterResume).extracting(EpochRecord::epoch).containsExactly(2, 3);
        assertThat(EpochRecords.comparable(resumed.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(resumed.architecture()).isEqualTo(reference.architecture());
    }

    @Test
    void aTextCellIsSearchedEvenWithFewerBatchesThanScoringAsksFor(@TempDir Path textFolder)
            throws IOException {
        TextNasProvider provider = new TextNasProvider();
        OneShotSpace text =
                (OneShotSpace)
                        provider.create(
                                Settings.resolve(
                                        "space",
                                        provider.settings(),
                                        Map.of(
                                                "vocabulary-size", "20",
                                                "sequence-length", "8",
                                                "classes", "3",
                                                "embedding-size", "8",
                                                "nodes", "2")),
                                OpRegistry.discover());
        // 48 examples give 3 batches of 16: the scoring batches are all there are.
        SposSettings moreBatchesThanTheDataHas =
                new SposSettings(16, 0.05, 0.001, 0.9, 3e-4, 5, FINAL_CANDIDATES, 1, 5, 5);
        OneShotContext context =
                new OneShotContext(
                        text,
                        Settings.defaults("strategy", SposSettings.specs()),
                        SEED,
                        new Budget(1, 0),
                        DartsFixtures.ENGINE,
                        MixingForm.LOOPED);

        OneShotResult result =
                new SposSearch(context, moreBatchesThanTheDataHas)
                        .search(
                                DartsFixtures.tokenData(manager, 48, 20, 8),
                                textFolder,
                                List.of(),
                                r -> {});

        assertThat(text.validate(result.architecture())).isEqualTo(result.architecture());
        assertThat(result.history().get(0).metrics().get("candidates"))
                .isEqualTo((double) FINAL_CANDIDATES);
    }

    private static OneShotResult search(
            long seed,
            int epochs,
            Path checkpoints,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        OneShotContext context =
                new OneShotContext(
                        space,
                        Settings.defaults("strategy", SposSettings.specs()),
                        seed,
                        new Budget(epochs, 0),
                        DartsFixtures.ENGINE,
                        MixingForm.LOOPED);
        return new SposSearch(context, settings()).search(data, checkpoints, journaled, listener);
    }

    private static SposSettings settings() {
        return new SposSettings(
                16, 0.05, 0.001, 0.9, 3e-4, 5, FINAL_CANDIDATES, EPOCH_CANDIDATES, 2, 2);
    }
}
