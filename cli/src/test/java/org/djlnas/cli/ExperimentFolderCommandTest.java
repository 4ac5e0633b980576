package org.djlnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.djlnas.runtime.store.ExperimentLock;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code nas search} leaves in its experiment folder when it fails, and how it shares the
 * folder: a rejected search leaves nothing, a running one locks it, a broken journal is named.
 */
class ExperimentFolderCommandTest {

    @TempDir Path folder;

    private static CliRun search(Path out, String strategy, String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "search",
                                "--space",
                                "nas-bench-201",
                                "--strategy",
                                strategy,
                                "--benchmark",
                                SearchCommandTest.TABLE,
                                "--trials",
                                "6",
                                "--out",
                                out.toString()));
        for (String option : options) {
            args.add("--strategy-opt");
            args.add(option);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({
        "regularized-evolution, population=4, sample-size=10, sample-size=2, sample-size",
        "hyperband, min-epochs=9, max-epochs=1, max-epochs=9, min-epochs",
        "bohb, top-fraction=2, top-fraction=2, top-fraction=0.2, top-fraction",
        "reinforce, controller=gru, controller=gru, controller=independent, controller"
    })
    void aRejectedOptionLeavesNothingAndTheFixedSearchRunsInTheSameFolder(
            String strategy, String first, String bad, String fixed, String named)
            throws Exception {
        Path fresh = folder.resolve("fresh");
        Path existing = Files.createDirectories(folder.resolve("existing"));
        assertOneLineError(search(fresh, strategy, first, bad), named);
        assertThat(fresh).doesNotExist();
        assertOneLineError(search(existing, strategy, first, bad), named);
        try (var files = Files.list(existing)) {
            assertThat(files).isEmpty();
        }

        String[] good = first.equals(bad) ? new String[] {fixed} : new String[] {first, fixed};
        for (Path out : List.of(fresh, existing)) {
            CliRun run = search(out, strategy, good);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    void aJournalLeftByASearchKilledBeforeItBeganIsReplacedByANewSearch() {
        Path out = folder.resolve("stillborn");
        SqliteExperimentStore.create(out).close(); // killed before its configuration was written
        CliRun resumed = CliRun.of("search", "--resume", "--out", out.toString());
        assertOneLineError(resumed, "start it again without --resume");
        CliRun fresh = search(out, "random");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(SqliteExperimentStore.holdsExperiment(out)).isTrue();
    }

    @Test
    void anOutThatIsAFileIsNamed() throws Exception {
        Path file = folder.resolve("results.txt");
        Files.writeString(file, "mine");
        CliRun run = search(file, "random");
        assertOneLineError(run, file.toString());
        assertThat(run.err()).contains("is a file").doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aSearchRunningInTheFolderIsNamedByItsPid() throws Exception {
        Path out = folder.resolve("a");
        assertThat(search(out, "random").exitCode()).isZero();
        byte[] journal = Files.readAllBytes(out.resolve(SqliteExperimentStore.FILE_NAME));
        try (ExperimentLock held = ExperimentLock.acquire(out)) {
            CliRun second =
                    CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "9");
            assertOneLineError(second, "in use by process " + ProcessHandle.current().pid());
            assertOneLineError(search(out, "random"), "already holds an experiment");
        }
        assertThat(Files.readAllBytes(out.resolve(SqliteExperimentStore.FILE_NAME)))
                .isEqualTo(journal);
        CliRun resumed = CliRun.of("search", "--resume", "--out", out.toString(), "--trials", "9");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    }

    @Test
    void aJournalWithMissingValuesNamesItsFileAndWhatIsMissing() throws Exception {
        Path good = folder.resolve("good");
        assertThat(search(good, "random").exitCode()).isZero();
        String config;
        try (SqliteExperimentStore store = SqliteExperimentStore.open(good)) {
            config = store.readConfig().orElseThrow();
        }

        Path noArchitecture = folder.resolve("no-architecture");
        writeLooseJournal(noArchitecture, config);
        Path file = noArchitecture.resolve(SqliteExperimentStore.FILE_NAME);
        CliRun run = CliRun.of("search", "--resume", "--out", noArchitecture.toString());
        assertOneLineError(run, file.toString());
        assertThat(run.err()).contains("trial 1").contains("architecture is missing");

        Path noConfig = folder.resolve("no-config");
        writeLooseJournal(noConfig, null);
        CliRun empty = CliRun.of("search", "--resume", "--out", noConfig.toString());
        assertOneLineError(empty, noConfig.resolve(SqliteExperimentStore.FILE_NAME).toString());
        assertThat(empty.err()).contains("configuration").doesNotContain("null\"");
    }

    /** A journal whose tables lack the NOT NULL constraints, as a damaged or foreign file may. */
    private static void writeLooseJournal(Path out, String config) throws Exception {
        Files.createDirectories(out);
        Path file = out.resolve(SqliteExperimentStore.FILE_NAME);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
            statement.execute(
                    "CREATE TABLE trials (number INTEGER PRIMARY KEY, architecture_id TEXT,"
                            + " architecture TEXT, epochs REAL, max_train_examples INTEGER,"
                            + " seed INTEGER, state TEXT, metrics TEXT DEFAULT '{}', error TEXT,"
                            + " started_at TEXT, ended_at TEXT, continues INTEGER)");
            statement.execute("INSERT INTO meta VALUES ('schema', '1')");
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO meta VALUES ('config', ?)")) {
                insert.setString(1, config);
                insert.executeUpdate();
            }
            statement.execute(
                    "INSERT INTO trials (number, architecture_id, epochs, max_train_examples,"
                            + " seed, state) VALUES (1, 'x', 1, 0, 7, 'DONE')");
        }
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.err().strip().lines().filter(l -> l.startsWith("nas: ")))
                .as(run.err())
                .hasSize(1)
                .first()
                .asString()
                .contains(expected);
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
