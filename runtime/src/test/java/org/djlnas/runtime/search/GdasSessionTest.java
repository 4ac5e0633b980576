package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.groups.Tuple;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.runtime.data.FashionMnist;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.runtime.wiring.PluginCatalog;
import org.djlnas.testing.DataRequirements;
import org.djlnas.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GDAS search on 1,024 Fashion-MNIST images through the session, as {@code nas search --strategy
 * gdas} runs it: every epoch journaled with its temperature, and a search stopped after its first
 * journaled epoch resumes to the epochs of one that never stopped.
 */
@Tag("integration")
class GdasSessionTest {

    private static final int EPOCHS = 3;

    @TempDir Path folder;

    @BeforeAll
    static void requireData() {
        DataRequirements.requireFashionMnist(FashionMnist.DEFAULT_DIRECTORY);
    }

    private static ExperimentConfig config() {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .optSpaceSettings(Map.of("channels", "4", "cells", "1"))
                .setStrategy("gdas")
                .optStrategySettings(Map.of("batch-size", "32", "validation-batches", "2"))
                .optDataset("fashion-mnist")
                .optEngine(TestEngine.name())
                .optEpochs(EPOCHS)
                .optMaxTrainExamples(1024)
                .optSeed(3)
                .build();
    }

    @Test
    void aStoppedSearchResumesToTheEpochsOfOneThatNeverStopped() throws IOException {
        Plugins plugins = Plugins.of(PluginCatalog.discover());
        Path whole = folder.resolve("whole");
        OneShotReport uninterrupted;
        try (SearchSession session = SearchSession.create(whole, config(), plugins)) {
            assertThat(session.isOneShot()).isTrue();
            uninterrupted = session.runOneShot(record -> {});
        }
        Path stopped = folder.resolve("stopped");
        try (SearchSession session = SearchSession.create(stopped, config(), plugins)) {
            assertThatThrownBy(
                            () ->
                                    session.runOneShot(
                                            record -> {
                                                throw new IllegalStateException("stopped");
                                            }))
                    .hasMessage("stopped");
        }
        assertThat(journal(stopped)).extracting(EpochRecord::epoch).containsExactly(1);

        OneShotReport resumed;
        try (SearchSession session =
                SearchSession.resume(stopped, OptionalInt.empty(), Optional.empty(), plugins)) {
            resumed = session.runOneShot(record -> {});
        }

        List<EpochRecord> expected = uninterrupted.result().history();
        assertThat(expected)
                .extracting(record -> record.metrics().get("temperature"))
                .containsExactly(10.0, 5.05, 10 - 9.9);
        System.out.println(
                "GDAS on 1,024 Fashion-MNIST images, training loss and accuracy by epoch: "
                        + expected.stream()
                                .map(
                                        r ->
                                                r.metrics().get("trainLoss")
                                                        + "/"
                                                        + r.metrics().get("trainAccuracy"))
                                .toList());
        // A sampled path per step learns more slowly than DARTS's mixture; the loss still falls.
        assertThat(expected.get(EPOCHS - 1).metrics().get("trainLoss"))
                .isLessThan(expected.get(0).metrics().get("trainLoss"));
        assertThat(comparable(resumed.result().history())).isEqualTo(comparable(expected));
        assertThat(comparable(journal(stopped))).isEqualTo(comparable(journal(whole)));
        assertThat(resumed.result().architecture())
                .isEqualTo(uninterrupted.result().architecture());
    }

    private static List<EpochRecord> journal(Path experiment) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(experiment)) {
            return store.epochs();
        }
    }

    /** What a resumed epoch must repeat: all but the wall-clock times. */
    private static List<Tuple> comparable(List<EpochRecord> history) {
        return history.stream()
                .map(
                        record ->
                                tuple(
                                        record.epoch(),
                                        record.architecture(),
                                        record.mixingWeights(),
                                        record.metrics().get("trainLoss"),
                                        record.metrics().get("validationLoss"),
                                        record.metrics().get("temperature")))
                .toList();
    }
}
