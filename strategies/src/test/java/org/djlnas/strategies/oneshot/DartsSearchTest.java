package org.djlnas.strategies.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djlnas.api.engine.ImageMemoryFormat;
import org.djlnas.api.oneshot.EpochListener;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.oneshot.OneShotContext;
import org.djlnas.api.oneshot.OneShotData;
import org.djlnas.api.oneshot.OneShotResult;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.testing.EpochRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DartsSearchTest {

    private static final int EXAMPLES_PER_HALF = 32;
    private static final int EPOCHS = 3;
    private static final long SEED = 1;

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
    void theSameSeedGivesTheSameHistory() throws IOException {
        List<EpochRecord> heard = new ArrayList<>();

        OneShotResult again = search(SEED, EPOCHS, folder, List.of(), heard::add);

        assertThat(reference.history()).hasSize(EPOCHS);
        assertThat(EpochRecords.comparable(again.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(EpochRecords.comparable(heard))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(again.architecture()).isEqualTo(reference.architecture());
        assertThat(again.stopReason()).isEmpty();
    }

    @Test
    void channelsLastImagesGiveTheSameSearchUpToRounding() throws IOException {
        OneShotContext contiguous = DartsFixtures.context(space, SEED, EPOCHS);
        OneShotContext channelsLast =
                new OneShotContext(
                        space,
                        contiguous.settings(),
                        SEED,
                        contiguous.budget(),
                        DartsFixtures.ENGINE,
                        contiguous.mixingForm(),
                        Optional.empty(),
                        ImageMemoryFormat.CHANNELS_LAST);

        OneShotResult arranged =
                new DartsSearch(channelsLast, DartsFixtures.settings(1, -1))
                        .search(data, folder, List.of(), record -> {});

        assertThat(arranged.architecture()).isEqualTo(reference.architecture());
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Map<String, List<Double>> expected = reference.history().get(epoch).mixingWeights();
            Map<String, List<Double>> actual = arranged.history().get(epoch).mixingWeights();
            assertThat(actual).containsOnlyKeys(expected.keySet());
            for (Map.Entry<String, List<Double>> edge : expected.entrySet()) {
                List<Double> weights = actual.get(edge.getKey());
                for (int i = 0; i < weights.size(); i++) {
                    assertThat(weights.get(i))
                            .as("epoch %d, edge %s, candidate %d", epoch, edge.getKey(), i)
                            .isCloseTo(edge.getValue().get(i), offset(1e-4));
                }
            }
        }
    }

    @Test
    void anotherSeedGivesOtherMixingWeights() throws IOException {
        OneShotResult other = search(SEED + 1, 1, folder, List.of(), record -> {});

        assertThat(other.history().get(0).mixingWeights())
                .isNotEqualTo(reference.history().get(0).mixingWeights());
    }

    @Test
    void aSearchResumedAfterAJournaledEpochEndsAsOneThatNeverStopped() throws IOException {
        List<EpochRecord> journal = new ArrayList<>();
        interruptedSearch(
                record -> {
                    journal.add(record);
                    throw new SimulatedCrash();
                });
        List<EpochRecord> heardAfterResume = new ArrayList<>();

        OneShotResult resumed = search(SEED, EPOCHS, folder, journal, heardAfterResume::add);

        assertThat(heardAfterResume).extracting(EpochRecord::epoch).containsExactly(2, 3);
        assertThat(EpochRecords.comparable(resumed.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
        assertThat(resumed.architecture()).isEqualTo(reference.architecture());
    }

    @Test
    void aResumedSearchFirstReportsACheckpointedEpochThatWasNotJournaled() throws IOException {
        List<EpochRecord> journal = new ArrayList<>();
        interruptedSearch(
                record -> {
                    if (record.epoch() == 2) {
                        throw new SimulatedCrash();
                    }
                    journal.add(record);
                });
        List<EpochRecord> heardAfterResume = new ArrayList<>();

        OneShotResult resumed = search(SEED, EPOCHS, folder, journal, heardAfterResume::add);

        assertThat(heardAfterResume).extracting(EpochRecord::epoch).containsExactly(2, 3);
        assertThat(EpochRecords.comparable(heardAfterResume))
                .isEqualTo(EpochRecords.comparable(reference.history().subList(1, EPOCHS)));
        assertThat(EpochRecords.comparable(resumed.history()))
                .isEqualTo(EpochRecords.comparable(reference.history()));
    }

    @Test
    void aCorruptCheckpointIsAnIoErrorNamingIt() throws IOException {
        search(SEED, 1, folder, List.of(), record -> {});
        Path checkpoint = folder.resolve("epoch-0001");
        Path state = checkpoint.resolve("state.ndlist");
        try (FileChannel channel = FileChannel.open(state, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(state) / 2);
        }

        assertThatThrownBy(() -> search(SEED, EPOCHS, folder, List.of(), record -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(checkpoint.toString());
    }

    /** Runs the reference search into {@link #folder} until the listener throws. */
    private void interruptedSearch(EpochListener listener) {
        assertThatThrownBy(() -> search(SEED, EPOCHS, folder, List.of(), listener))
                .isInstanceOf(SimulatedCrash.class);
    }

    private static OneShotResult search(
            long seed,
            int epochs,
            Path checkpoints,
            List<EpochRecord> journaled,
            EpochListener listener)
            throws IOException {
        return new DartsSearch(
                        DartsFixtures.context(space, seed, epochs), DartsFixtures.settings(1, -1))
                .search(data, checkpoints, journaled, listener);
    }

    /** What a listener throws to stand for a process killed after a checkpoint. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
