package org.djlnas.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialState;
import org.djlnas.runtime.search.ExperimentConfig;
import org.djlnas.runtime.search.Plugins;
import org.djlnas.runtime.search.SearchSession;
import org.djlnas.runtime.store.SqliteExperimentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor in {@code local[2]} (tasks on threads of this JVM, through Spark's scheduler
 * and serialization), on a tabular benchmark: it proposes, scores and journals what threads do, and
 * refuses what it cannot run before anything is written.
 */
class SparkLocalSearchTest {

    private static final Plugins PLUGINS = Plugins.discover();

    @TempDir Path folder;

    private static ExperimentConfig.Builder table(String executor) {
        return ExperimentConfig.builder()
                .setSpace("nas-bench-201")
                .setStrategy("regularized-evolution")
                .optStrategySettings(java.util.Map.of("population", "4", "sample-size", "2"))
                .optBenchmark("nas-bench-201-cifar10")
                .optSeed(3)
                .optTrials(10)
                .optParallel(2)
                .optExecutor(executor);
    }

    private static List<TrialRecord> search(Path out, ExperimentConfig config) throws Exception {
        try (SearchSession session = SearchSession.create(out, config, PLUGINS)) {
            session.run(List.of());
        }
        try (SqliteExperimentStore store = SqliteExperimentStore.open(out)) {
            return store.trials();
        }
    }

    @Test
    void sparkTasksJournalWhatThreadsJournal() throws Exception {
        List<TrialRecord> threads =
                search(folder.resolve("threads"), table(ExperimentConfig.THREADS).build());
        List<TrialRecord> spark =
                search(
                        folder.resolve("spark"),
                        table(ExperimentConfig.SPARK).optSparkMaster("local[2]").build());

        assertThat(spark).hasSize(10);
        assertThat(spark).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
        assertThat(spark.stream().map(TrialRecord::spec).toList())
                .isEqualTo(threads.stream().map(TrialRecord::spec).toList());
        assertThat(spark.stream().map(TrialRecord::metrics).toList())
                .isEqualTo(threads.stream().map(TrialRecord::metrics).toList());
    }

    @Test
    void anUnreachableMasterIsRefusedBeforeAnythingIsWritten() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        String url = "spark://127.0.0.1:" + port;
        Path out = folder.resolve("unreachable");
        long start = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                SearchSession.create(
                                        out,
                                        table(ExperimentConfig.SPARK).optSparkMaster(url).build(),
                                        PLUGINS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`sparkMaster` is " + url + "; no Spark master answers");
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
        assertThat(out).doesNotExist();
    }

    @Test
    void aMalformedMasterIsRefused() {
        assertThatThrownBy(
                        () ->
                                SearchSession.create(
                                        folder.resolve("bad"),
                                        table(ExperimentConfig.SPARK)
                                                .optSparkMaster("sparc://host:7077")
                                                .build(),
                                        PLUGINS))
                .hasMessage(
                        "`sparkMaster` is sparc://host:7077; expected spark://HOST:PORT, yarn,"
                                + " k8s://URL, local[N] or local-cluster[N,CORES,MB]");
    }

    @Test
    void aPrunerIsRefusedSinceTasksReportOnlyWhenTheyEnd() {
        assertThatThrownBy(
                        () ->
                                SearchSession.create(
                                        folder.resolve("pruned"),
                                        table(ExperimentConfig.SPARK).optPruner("median").build(),
                                        PLUGINS))
                .hasMessage(
                        "`pruner` is median, but `executor` is spark, whose trials report only"
                                + " when they end; expected none");
        assertThat(folder.resolve("pruned")).doesNotExist();
    }

    @Test
    void aOneShotStrategyIsRefused() {
        ExperimentConfig darts =
                ExperimentConfig.builder()
                        .setSpace("nas-bench-201")
                        .setStrategy("darts")
                        .optDataset("fashion-mnist")
                        .optExecutor(ExperimentConfig.SPARK)
                        .build();
        assertThatThrownBy(() -> SearchSession.create(folder.resolve("darts"), darts, PLUGINS))
                .hasMessage(
                        "`executor` is spark; strategy 'darts' trains one supernet in one process,"
                                + " expected threads");
        assertThat(folder.resolve("darts")).doesNotExist();
    }
}
