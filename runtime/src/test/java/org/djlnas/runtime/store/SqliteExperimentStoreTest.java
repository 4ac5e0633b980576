package org.djlnas.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteExperimentStoreTest {

    @TempDir Path folder;

    private static TrialSpec spec(int number) {
        return new TrialSpec(
                number,
                Architecture.of(Map.of("op", "conv" + number, "inputs", List.of(0, 1))),
                new Budget(0.5, 1000),
                42L * number);
    }

    @Test
    void journalsATrialsWholeLifeAcrossReopening() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.writeConfig("{\"space\":\"x\"}");
            store.recordProposed(spec(1));
            store.recordProposed(spec(2));
            store.markRunning(1, start);
            store.recordFinished(
                    1, TrialState.DONE, Map.of("accuracy", 0.9), null, start.plusSeconds(3));
            store.markRunning(2, start);
            store.recordFinished(2, TrialState.FAILED, Map.of(), "loss became NaN", start);
        }
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            assertThat(store.readConfig()).contains("{\"space\":\"x\"}");
            List<TrialRecord> trials = store.trials();
            assertThat(trials).hasSize(2);
            TrialRecord first = trials.get(0);
            assertThat(first.spec()).isEqualTo(spec(1));
            assertThat(first.state()).isEqualTo(TrialState.DONE);
            assertThat(first.metric("accuracy")).hasValue(0.9);
            assertThat(first.seconds()).hasValue(3.0);
            assertThat(trials.get(1).errorMessage()).contains("loss became NaN");
        }
    }

    @Test
    void runningAgainClearsTheEarlierEnd() {
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.recordProposed(spec(1));
            store.markRunning(1, Instant.now());
            store.recordFinished(1, TrialState.FAILED, Map.of(), "boom", Instant.now());
            store.markRunning(1, Instant.now());
            TrialRecord again = store.trials().get(0);
            assertThat(again.state()).isEqualTo(TrialState.RUNNING);
            assertThat(again.error()).isNull();
            assertThat(again.endedAt()).isNull();
        }
    }

    @Test
    void aJournalCreatedWithItsConfigurationHoldsAnExperimentFromTheStart() {
        assertThat(SqliteExperimentStore.holdsExperiment(folder)).isFalse();
        try (SqliteExperimentStore store =
                SqliteExperimentStore.create(folder, "{\"space\":\"x\"}", Map.of("inputs", "{}"))) {
            assertThat(SqliteExperimentStore.holdsExperiment(folder)).isTrue();
        }
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            assertThat(store.readConfig()).contains("{\"space\":\"x\"}");
            assertThat(store.readMeta("inputs")).contains("{}");
        }
        assertThatThrownBy(
                        () ->
                                SqliteExperimentStore.create(
                                        folder.resolve("b"), "{}", Map.of("schema", "9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema");
    }

    @Test
    void replacesAJournalKilledBeforeItsConfigurationWasWritten() throws Exception {
        SqliteExperimentStore.create(folder).close();
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.writeConfig("{\"space\":\"y\"}");
        }
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            assertThat(store.readConfig()).contains("{\"space\":\"y\"}");
        }
        java.nio.file.Files.delete(folder.resolve(SqliteExperimentStore.FILE_NAME));
        java.nio.file.Files.createFile(folder.resolve(SqliteExperimentStore.FILE_NAME));
        SqliteExperimentStore.create(folder).close();
    }

    @Test
    void refusesToCreateOverAnExistingExperiment() {
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.writeConfig("{\"space\":\"x\"}");
        }
        assertThatThrownBy(() -> SqliteExperimentStore.create(folder))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already holds an experiment")
                .hasMessageContaining("`resume`");
    }

    @Test
    void openingAFolderWithoutAnExperimentSaysSo() {
        assertThatThrownBy(() -> SqliteExperimentStore.open(folder))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("holds no experiment");
    }

    @Test
    void aCorruptFileIsReportedAndLeftUntouched() throws Exception {
        Path file = folder.resolve(SqliteExperimentStore.FILE_NAME);
        byte[] garbage = "this is not a database, just some bytes".repeat(100).getBytes();
        Files.write(file, garbage);
        assertThatThrownBy(() -> SqliteExperimentStore.open(folder))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a djl-nas experiment journal or is corrupt");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aTrialNumberIsJournaledOnce() {
        try (SqliteExperimentStore store = SqliteExperimentStore.create(folder)) {
            store.recordProposed(spec(1));
            assertThatThrownBy(() -> store.recordProposed(spec(1)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("trial 1");
        }
    }

    @Test
    void anUnwritableFolderIsAClearError() throws Exception {
        Path file = folder.resolve("a-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> SqliteExperimentStore.create(file.resolve("sub")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the experiment folder");
    }
}
