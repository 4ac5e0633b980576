package org.djlnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.djlnas.api.eval.Direction;
import org.djlnas.runtime.search.SearchObjective;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReaderTest {

    @TempDir Path folder;

    private final ReportReader reader = new ReportReader(Journals.PLUGINS);

    @Test
    void readsEveryTrialWithItsStateChoicesIntermediateValuesAndTheParetoFront() {
        Journals.training(folder, 30);
        ReportData data = reader.read(folder);

        assertThat(data.trials()).hasSize(31);
        assertThat(data.trials()).extracting(TrialRow::state).contains("done", "failed", "pruned");
        assertThat(data.trials().get(30).state()).isEqualTo("running");
        assertThat(data.trials().get(3).continues()).isZero();
        assertThat(data.trials().get(3).intermediate()).hasSize(3);
        assertThat(data.summary().objective()).isEqualTo("accuracy");
        assertThat(data.summary().direction()).isEqualTo("maximize");
        assertThat(data.summary().strategy()).isEqualTo("hyperband");
        assertThat(data.summary().pruner()).isEqualTo("median");
        // NAS-Bench-201 cells have six edges; every trial names a value for each.
        assertThat(data.choices()).hasSize(6);
        assertThat(data.trials().get(0).choices()).hasSize(6).allMatch(i -> i >= 0);
        TrialRow best =
                data.trials().stream()
                        .filter(t -> t.state().equals("done"))
                        .max(java.util.Comparator.comparingDouble(t -> t.metrics().get("accuracy")))
                        .orElseThrow();
        assertThat(data.summary().best()).isEqualTo(best.number());
        // Against each cost, the front is exactly the finished trials no other one dominates;
        // the most accurate trial is on both.
        for (String cost : List.of("parameters", "latencyMs")) {
            List<TrialRow> done =
                    data.trials().stream().filter(t -> t.state().equals("done")).toList();
            List<Integer> expected =
                    done.stream()
                            .filter(a -> done.stream().noneMatch(b -> dominates(b, a, cost)))
                            .map(TrialRow::number)
                            .toList();
            assertThat(expected).contains(best.number()).hasSizeGreaterThan(1);
            assertThat(data.trials())
                    .filteredOn(t -> t.paretoFronts().contains(cost))
                    .extracting(TrialRow::number)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(data.trials().stream().filter(t -> t.state().equals("failed")))
                .allMatch(t -> t.paretoFronts().isEmpty() && t.error() != null);
        // The best architecture's cell is drawn.
        assertThat(data.cells()).hasSize(1);
        assertThat(data.summary().wallSeconds()).isGreaterThan(30);
    }

    private static boolean dominates(TrialRow b, TrialRow a, String cost) {
        double ba = b.metrics().get("accuracy");
        double aa = a.metrics().get("accuracy");
        double bc = b.metrics().get(cost);
        double ac = a.metrics().get(cost);
        return ba >= aa && bc <= ac && (ba > aa || bc < ac);
    }

    @Test
    void aJournaledMinimisedObjectiveRanksTheSmallestValueBest() {
        Journals.training(folder, 30);
        try (SqliteExperimentStore store = SqliteExperimentStore.open(folder)) {
            store.writeConfig(
                    store.readConfig().orElseThrow(),
                    Map.of(
                            SearchObjective.META_KEY,
                            new SearchObjective("loss", Direction.MINIMIZE).toJson()));
        }
        ReportData data = reader.read(folder);

        assertThat(data.summary().objective()).isEqualTo("loss");
        assertThat(data.summary().direction()).isEqualTo("minimize");
        TrialRow smallest =
                data.trials().stream()
                        .filter(t -> t.state().equals("done"))
                        .min(java.util.Comparator.comparingDouble(t -> t.metrics().get("loss")))
                        .orElseThrow();
        assertThat(data.summary().best()).isEqualTo(smallest.number());
        // The smallest loss costs no more than itself: it is on every front.
        assertThat(smallest.paretoFronts()).containsExactlyInAnyOrder("parameters", "latencyMs");
    }

    @Test
    void aTabularSearchScoresByTheBenchmarkAndHasNoFront() {
        Journals.tabular(folder, 40, 1);
        ReportData data = reader.read(folder);
        assertThat(data.summary().objective()).isEqualTo("score");
        assertThat(data.summary().data()).contains("nas-bench-201-cifar10.csv");
        assertThat(data.trials()).hasSize(40).allMatch(t -> t.paretoFronts().isEmpty());
        assertThat(data.epochs()).isEmpty();
    }

    @Test
    void aDartsSearchGivesEveryEpochsWeightsNamedByCandidate() {
        Journals.darts(folder, 3);
        ReportData data = reader.read(folder);
        assertThat(data.epochs()).hasSize(3);
        assertThat(data.summary().oneShot()).isTrue();
        // Two cells of four nodes: 2+3+4+5 = 14 edges each, every one mixing 8 candidates.
        assertThat(data.epochs().get(2).alphas()).hasSize(28);
        assertThat(data.edgeCandidates()).hasSize(28);
        assertThat(data.edgeCandidates().values())
                .allMatch(c -> c.size() == 8 && c.contains("none"));
        assertThat(data.cells()).extracting(ReportData.CellDiagram::label).hasSize(2);
        assertThat(data.summary().bestArchitecture()).isNotNull();
        assertThat(data.summary().wallSeconds()).isEqualTo(180.0);
    }

    @Test
    void aJournalOfTheFirstReleaseReads() throws Exception {
        // As the first release wrote it: no continues column, no reports or epochs tables, and a
        // configuration without evaluator or pruner.
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:sqlite:" + folder.resolve("experiment.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute(
                    "CREATE TABLE trials (number INTEGER PRIMARY KEY, architecture_id TEXT NOT"
                            + " NULL, architecture TEXT NOT NULL, epochs REAL NOT NULL,"
                            + " max_train_examples INTEGER NOT NULL, seed INTEGER NOT NULL, state"
                            + " TEXT NOT NULL, metrics TEXT NOT NULL DEFAULT '{}', error TEXT,"
                            + " started_at TEXT, ended_at TEXT)");
            s.execute("INSERT INTO meta VALUES ('schema', '1')");
            s.execute(
                    "INSERT INTO meta VALUES ('config', '{\"space\":\"nas-bench-201\","
                            + "\"spaceSettings\":{},\"strategy\":\"random\","
                            + "\"strategySettings\":{},\"benchmark\":\"/t.csv\","
                            + "\"seed\":1,\"trials\":2,\"parallel\":1,\"epochs\":1.0,"
                            + "\"maxTrainExamples\":0}')");
            String arch =
                    Journals.PLUGINS
                            .space("nas-bench-201", java.util.Map.of())
                            .sample(new java.util.SplittableRandom(1))
                            .toJson()
                            .replace("'", "''");
            s.execute(
                    "INSERT INTO trials VALUES (0, 'a', '"
                            + arch
                            + "', 1.0, 0, 5, 'DONE', '{\"score\":91.5}', NULL,"
                            + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z')");
        }
        ReportData data = reader.read(folder);
        assertThat(data.trials())
                .singleElement()
                .satisfies(
                        t -> {
                            assertThat(t.metrics()).containsEntry("score", 91.5);
                            assertThat(t.seconds()).isEqualTo(1.0);
                        });
        assertThat(data.summary().pruner()).isEqualTo("none");
        assertThat(data.summary().best()).isZero();
    }

    @Test
    void aFolderWithoutAJournalIsNamed() {
        assertThatThrownBy(() -> reader.read(folder.resolve("nothing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.resolve("nothing").toString())
                .hasMessageContaining("no experiment");
    }

    @Test
    void aJournalOfAnotherVersionIsRefusedNamingTheFile() throws Exception {
        Journals.tabular(folder, 2, 1);
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:sqlite:" + folder.resolve("experiment.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE meta SET value = '99' WHERE key = 'schema'");
        }
        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.resolve("experiment.db").toString())
                .hasMessageContaining("unknown journal version");
    }
}
