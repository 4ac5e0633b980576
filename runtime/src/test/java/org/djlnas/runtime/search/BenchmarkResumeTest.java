package org.djlnas.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.djlnas.spaces.nasbench201.NasBench201Cifar10Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tabular search's journal holds its table's content hash, and resume checks it. */
class BenchmarkResumeTest {

    private static final String BUILT_IN = NasBench201Cifar10Table.ID;
    private static final String SHA_256 =
            "7d70595351f58bc5e5d16abd68120dc75f6214a9e1e11008b906df72d6f9b843";

    private static final Plugins PLUGINS = Plugins.discover();

    @TempDir Path folder;

    private Path table;
    private Path out;

    @BeforeEach
    void copyTheBuiltInTableToAFile() throws Exception {
        table = folder.resolve("nb201.csv");
        try (InputStream in = new NasBench201Cifar10Table().open()) {
            Files.copy(in, table);
        }
        out = folder.resolve("experiment");
    }

    private static ExperimentConfig config(String benchmark, int trials) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy("random")
                .optBenchmark(benchmark)
                .optSeed(3)
                .optTrials(trials)
                .build();
    }

    private void searchAndClose(String benchmark, int trials) throws Exception {
        try (SearchSession session =
                SearchSession.create(out, config(benchmark, trials), PLUGINS)) {
            session.run(List.of());
        }
    }

    private SearchReport resume(Optional<String> benchmark, int trials) throws Exception {
        try (SearchSession session =
                SearchSession.resume(out, OptionalInt.of(trials), benchmark, PLUGINS)) {
            return session.run(List.of());
        }
    }

    private String journaled(String key) {
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            return key.equals("config")
                    ? store.readConfig().orElseThrow()
                    : store.readMeta(key).orElseThrow();
        }
    }

    @Test
    void theJournalRecordsTheTablesSha256AndABuiltInTableById() throws Exception {
        searchAndClose(BUILT_IN, 3);

        assertThat(journaled(JournaledInputs.META_KEY))
                .isEqualTo(
                        "{\"benchmark\":{\"source\":\""
                                + BUILT_IN
                                + "\",\"sha256\":\""
                                + SHA_256
                                + "\"}}");
        assertThat(ExperimentConfig.fromJson(journaled("config")).benchmark()).isEqualTo(BUILT_IN);
        assertThat(journaled(SearchObjective.META_KEY))
                .isEqualTo("{\"metric\":\"score\",\"direction\":\"maximize\"}");
        assertThat(resume(Optional.empty(), 5).result().trials()).hasSize(5);
    }

    @Test
    void aTableWhoseScoresChangedIsRefusedOnResumeNamingIt() throws Exception {
        searchAndClose(table.toString(), 3);
        String text = Files.readString(table);
        Files.writeString(table, text.replace(",94.3733", ",99.0000"));

        assertThatThrownBy(() -> resume(Optional.empty(), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("benchmark table " + table)
                .hasMessageContaining("is not the table the experiment began with")
                .hasMessageContaining(SHA_256)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(journaled(JournaledInputs.META_KEY))
                .as("a refused resume leaves the journal as it was")
                .contains(SHA_256);
    }

    @Test
    void aMovedTableIsGivenAgainAtItsNewPlaceWhenItsHashMatches() throws Exception {
        searchAndClose(table.toString(), 3);
        Path moved = Files.move(table, folder.resolve("moved.csv"));

        assertThatThrownBy(() -> resume(Optional.empty(), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the experiment's benchmark file "
                                + table
                                + " does not exist; if the table moved, resume with its new place"
                                + " as the benchmark");
        assertThat(resume(Optional.of(moved.toString()), 5).result().trials()).hasSize(5);
        assertThat(ExperimentConfig.fromJson(journaled("config")).benchmark())
                .isEqualTo(moved.toString());
        assertThat(resume(Optional.empty(), 6).result().trials())
                .as("the journal remembers the new place")
                .hasSize(6);
        assertThat(resume(Optional.of(BUILT_IN), 7).result().trials())
                .as("a built-in table with the same content is the same table")
                .hasSize(7);
    }

    @Test
    void aMovedTableWithOtherContentIsRefused() throws Exception {
        searchAndClose(table.toString(), 3);
        Path other = folder.resolve("other.csv");
        Files.writeString(
                other,
                Files.readString(table).replace(",94.3733", ",99.0000"),
                StandardCharsets.UTF_8);
        Files.delete(table);

        assertThatThrownBy(() -> resume(Optional.of(other.toString()), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("benchmark table " + other)
                .hasMessageContaining("journaled " + SHA_256 + " for " + table);
        assertThat(ExperimentConfig.fromJson(journaled("config")).benchmark())
                .isEqualTo(table.toString());
    }

    @Test
    void aJournalFromBeforeHashesRecordsTheTableWhenResumed() throws Exception {
        searchAndClose(table.toString(), 3);
        try (Connection connection =
                        DriverManager.getConnection(
                                "jdbc:sqlite:" + out.resolve(SqliteExperimentStore.FILE_NAME));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM meta WHERE key IN ('inputs', 'objective')");
        }

        assertThat(resume(Optional.empty(), 4).result().trials()).hasSize(4);
        assertThat(journaled(JournaledInputs.META_KEY)).contains(SHA_256);
        assertThat(SearchObjective.fromJson(journaled(SearchObjective.META_KEY)))
                .isEqualTo(SearchObjective.SCORE);
    }

    @Test
    void aTableCannotBeGivenToAnExperimentThatTrains() {
        ExperimentConfig training =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("random")
                        .optDataset("fashion-mnist")
                        .optSeed(3)
                        .optTrials(3)
                        .build();
        assertThatThrownBy(() -> training.withBenchmark(table.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the experiment looks up no benchmark table");
    }
}
